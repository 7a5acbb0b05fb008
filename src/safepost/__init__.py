"""safepost: checks staff social media against a UK school's policy, offline."""

import os

# The language model multiplies tiny matrices: one BLAS thread is fastest, and a pool of
# spinning BLAS threads per web-server thread would starve a 2-core school server.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
