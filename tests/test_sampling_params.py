"""The sampling contract: one record of a call's options, built in one place, checked with messages that name the
option, filled from a backend's defaults, and refused where a backend does not honour an option."""

from __future__ import annotations

import pytest

from solver.backends import BackendError, SamplingParams
from solver.backends.base import cut_at_stop, prepare


def test_build_sorts_options_into_fields_and_extras():
    params = SamplingParams.build({"temperature": 0.5, "shuffle": False, "top_k": None}, seed=3, languages="cpp",
                                  stop="```")
    assert (params.temperature, params.top_k, params.seed, params.languages, params.stop) == \
        (0.5, None, 3, ("cpp",), ("```",))
    assert dict(params.extra) == {"shuffle": False}
    assert params.to_json() == {"temperature": 0.5, "top_p": None, "top_k": None, "max_tokens": None, "seed": 3,
                                "languages": ["cpp"], "stop": ["```"], "extra": {"shuffle": False}}
    with pytest.raises(TypeError):
        params.extra["shuffle"] = True  # a call's params cannot change under it


@pytest.mark.parametrize("options, field", [
    ({"temperature": 0}, "temperature"), ({"temperature": float("nan")}, "temperature"),
    ({"top_p": 1.5}, "top_p"), ({"top_k": -1}, "top_k"), ({"top_k": 2.5}, "top_k"), ({"max_tokens": 0}, "max_tokens"),
    ({"seed": "1"}, "seed"), ({"languages": ["rust"]}, "languages"), ({"languages": []}, "languages"),
    ({"stop": [""]}, "stop"), ({"temperature": True}, "temperature"),
])
def test_bad_values_name_their_field(options, field):
    with pytest.raises(BackendError, match=f"^{field}: "):
        SamplingParams.build(options)


class Backend:
    name = "toy"
    options = ("temperature", "max_tokens", "shuffle")
    defaults = SamplingParams(temperature=0.8, max_tokens=100, languages=("python3",), extra={"shuffle": True})


def test_prepare_fills_defaults_and_keeps_what_the_call_set():
    params = prepare(Backend(), SamplingParams(temperature=0.2, seed=9))
    assert (params.temperature, params.max_tokens, params.seed, params.languages) == (0.2, 100, 9, ("python3",))
    assert dict(params.extra) == {"shuffle": True}
    assert dict(prepare(Backend(), SamplingParams(extra={"shuffle": False})).extra) == {"shuffle": False}
    assert prepare(Backend(), None).temperature == 0.8


@pytest.mark.parametrize("params, refused", [
    (SamplingParams(top_p=0.9), "top_p"), (SamplingParams(stop=("x",)), "stop"),
    (SamplingParams(extra={"beam": 4}), "beam"),
])
def test_an_option_the_backend_does_not_honour_is_refused_not_ignored(params, refused):
    with pytest.raises(BackendError, match=f"options.{refused}: the toy backend does not take this option"):
        prepare(Backend(), params)


def test_cut_at_stop_takes_the_earliest_stop():
    assert cut_at_stop("a = 1\nEND\nb\n```", ("```", "END")) == "a = 1\n"
    assert cut_at_stop("print(1)", ()) == "print(1)"
