"""The distilled MiniLM encoder (from all-mpnet-base-v2), as shipped: the tools' post vector
(tools/train_language.py --encoder minilm, compare_encoders.py) and where the hub's fine-tuned
classifier started from; no shipped language model reads it since session 9."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from safepost.language.encoder import encoder

# The torch student's own vectors (full precision) for three of tools/export_minilm_onnx.py's
# sentences, saved when model.onnx was exported from it.
REFERENCE = Path(__file__).resolve().parents[1] / "data" / "language" / "distilled_encoder_reference.npy"
REFERENCE_SENTENCES = [
    "Send me a private message and I'll tell you where I live, don't tell your mum.",
    "Our Year 6 pupils enjoyed a visit from the local fire brigade.",
    "The head is having an affair with the deputy, everyone knows.",
]


def cosine(first: str, second: str) -> float:
    return float(encoder().encode(first) @ encoder().encode(second))


def test_gives_the_teachers_768_numbers_as_a_unit_vector() -> None:
    vector = encoder().encode("Lovely sunny morning for sports day!")
    assert vector.shape == (768,) and vector.dtype == np.float32
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-4


def test_the_same_text_gives_the_same_vector() -> None:
    text = "Parents evening tonight, wish me luck"
    assert np.array_equal(encoder().encode(text), encoder().encode(text))


@pytest.mark.parametrize(("text", "same_meaning", "other_topic"), [
    ("Add me on Snapchat and keep it between us, ok?",
     "Message me privately on snap and don't tell anyone",
     "Add the Year 4 class photos to the newsletter, ok?"),
    ("The head is being sacked, heard it in the staffroom",
     "Rumour is the headteacher is getting fired",
     "The head opened the new library this morning"),
    ("He said his dad hits him when he gets home",
     "He told me his father beats him at home",
     "He said his dad is coming to the match when he gets home"),
])
def test_same_meaning_is_closer_than_the_same_words(text: str, same_meaning: str, other_topic: str) -> None:
    assert cosine(text, same_meaning) > cosine(text, other_topic)


def test_empty_and_very_long_texts_are_read() -> None:
    assert encoder().encode("").shape == (768,)
    assert encoder().encode("word " * 5000).shape == (768,)


def test_the_shipped_file_is_the_distilled_student() -> None:
    """int8 against the student it was exported from: cosine 0.992 or more at export. Another
    768-number model, or a stale file, would be far off."""
    reference = np.load(REFERENCE)
    for sentence, expected in zip(REFERENCE_SENTENCES, reference, strict=True):
        assert float(encoder().encode(sentence) @ expected) >= 0.98


def test_an_exported_folder_is_read_by_the_same_code(tmp_path: Path) -> None:
    """tools/export_minilm_onnx.py checks what it wrote with MiniLMEncoder(folder=...)."""
    import shutil

    import safepost.language.encoder as package

    for name in ("model.onnx", "tokenizer.json"):
        shutil.copy(Path(package.__file__).parent / name, tmp_path / name)
    elsewhere = package.MiniLMEncoder(folder=tmp_path)
    text = "Reminder: school closes at 1pm on Friday for staff training."
    assert np.array_equal(elsewhere.encode(text), encoder().encode(text))


def test_a_model_file_left_out_of_the_install_is_named_in_the_error() -> None:
    from importlib import resources

    from safepost.language.encoder import _session

    with pytest.raises(FileNotFoundError, match="language/encoder/not_there.onnx"):
        _session(resources.files("safepost.language.encoder"), "not_there.onnx", 1)
