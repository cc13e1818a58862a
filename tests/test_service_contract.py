"""The OpenAPI document tells the truth about the real server: schemathesis, as a new user would run it
(`schemathesis run --checks all`, every phase, the stateful one following the document's links from POST /solve to
the job's endpoints), against `solver serve` in a subprocess with the replay backend, with and without a token; and
the document itself says this server's settings (limits, options, the bearer scheme only with a token), links a
job's id to its endpoints, and answers every error in the one envelope.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.schemas import NOT_BLANK
from tests.test_service import STATEMENT, settings_for, write_candidates
from tests.test_service_server import server

jsonschema = pytest.importorskip("jsonschema")
schemathesis = pytest.importorskip("schemathesis")

ROOT = Path(__file__).resolve().parent.parent
# What the server runs while schemathesis sends it a few thousand requests on the 2-core development machine:
# every schema-valid solve is queued and run, so each must be cheap. One candidate program; at most 2 samples and
# 2 seconds of sampling a job (SOLVER_MAX_SAMPLES, SOLVER_MAX_SECONDS; 1 and 1 by default); at most 3 tests in a
# list (SOLVER_MAX_TESTS: each is a sandbox run); 2 workers and a queue of 8 (beyond it 429, which the document
# states); `wait` held at most 2 seconds; statements of at most 2000 characters, so that the coverage phase's
# longest valid one is quick to solve. Test texts keep their default bound (1 MB): it counts UTF-8 bytes, which a
# JSON Schema `maxLength` (characters) states exactly only for ASCII, and nothing generated comes near it.
SERVER = {
    "SOLVER_MAX_SAMPLES": "2", "SOLVER_DEFAULT_SAMPLES": "1",
    "SOLVER_MAX_SECONDS": "2", "SOLVER_DEFAULT_SECONDS": "1",
    "SOLVER_MAX_TESTS": "3", "SOLVER_MAX_STATEMENT_CHARS": "2000",
    "SOLVER_WORKERS": "2", "SOLVER_MAX_QUEUE": "8", "SOLVER_WAIT_MAX_SECONDS": "2",
}
TOKEN = "let-me-in"
CANDIDATE = {"language": "python3", "code": "print(input())\n"}
# A schema-invalid request may be refused with any of schemathesis' default statuses, and with 413: a statement or
# test list over the server's limits (which the document states as maxLength and maxItems) is refused with it.
REJECTIONS = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429", "5xx"]
# Test cases per operation and phase; without a token, the fuzzing and stateful phases then repeat until the time
# budget is spent (seconds; CONTRACT_MAX_TIME=200 searches longer). About 80 s and 20 s on the development machine.
MAX_EXAMPLES = 30
MAX_TIME = int(os.environ.get("CONTRACT_MAX_TIME", "60"))
SEED = os.environ.get("CONTRACT_SEED", "17")

# The one rule of the request that JSON Schema cannot say: a CodeContests row's test lists hold as many inputs as
# outputs, and its solutions as many languages as programs. The document says it in words; schemathesis learns it
# from `before_call` below (this module is its hooks module), which pads the shorter list of a pair.
PAIRED = {"public_tests": ("input", "output", ""), "private_tests": ("input", "output", ""),
          "generated_tests": ("input", "output", ""), "solutions": ("language", "solution", 0),
          "incorrect_solutions": ("language", "solution", 0)}


@schemathesis.hook
def before_call(context, case, kwargs) -> None:
    """Pad the shorter list of each pair in a request's row with valid items (an empty text, language 0): a valid
    request stays valid, an invalid one stays invalid (nothing is taken away)."""
    body = case.body if isinstance(case.body, dict) else {}
    row = body.get("problem")
    if not isinstance(row, dict):
        return
    for group, (first, second, filler) in PAIRED.items():
        pair = row.get(group)
        if isinstance(pair, dict) and isinstance(pair.get(first, []), list) and isinstance(pair.get(second, []), list):
            size = max(len(pair.get(first, [])), len(pair.get(second, [])))
            for name in (first, second):
                pair[name] = [*pair.get(name, []), *[filler] * (size - len(pair.get(name, [])))]


def schemathesis_command(base: str, config: Path, token: str | None) -> list[str]:
    """`schemathesis run --checks all` with every phase, as a user would type it; see the test for the one check
    left out."""
    command = [sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run", base + "/openapi.json",
               "--checks", "all", "--exclude-checks", "use_after_free",
               "--phases", "examples,coverage,fuzzing,stateful", "--max-examples", str(MAX_EXAMPLES),
               "--seed", SEED, "--workers", "1", "--request-timeout", "30", "--generation-database", "none",
               "--no-color"]
    if token:
        command += ["--header", f"Authorization: Bearer {token}"]
    else:
        command += ["--max-time", str(MAX_TIME)]
    return command


@pytest.mark.parametrize("token", [None, TOKEN], ids=["open", "token"])
def test_schemathesis_finds_the_real_server_true_to_its_document(tmp_path, token):
    """Every check but one: `use_after_free` wants GET /jobs/{id} to answer 404 after DELETE /jobs/{id} succeeds,
    but DELETE cancels a job and its record stays readable (state `cancelled`), as clients and the README rely on.
    With a token, `ignored_auth` also sends each request without it and with a wrong one, and expects 401."""
    (tmp_path / "candidates.jsonl").write_text(json.dumps(CANDIDATE) + "\n", encoding="utf-8")
    config = tmp_path / "schemathesis.toml"
    config.write_text("[checks.negative_data_rejection]\nexpected-statuses = [" +
                      ", ".join(f'"{status}"' for status in REJECTIONS) + "]\n", encoding="utf-8")
    settings = {**SERVER, **({"SOLVER_TOKEN": token} if token else {})}
    with server(tmp_path, **settings) as process:
        run = subprocess.run(schemathesis_command(process.base, config, token), cwd=ROOT, capture_output=True,
                             text=True, timeout=MAX_TIME + 240, env={**os.environ, "SCHEMATHESIS_HOOKS": __name__})
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-12000:]
    # It did what it says: every phase but examples (the document has none) ran, the stateful one along links.
    for phase in ("Coverage", "Fuzzing", "Stateful"):
        assert re.search(rf"✅\s+{phase}", output), output[-6000:]
    covered = re.search(r"API Links:\s+(\d+) covered", output)
    assert covered and int(covered.group(1)) >= 6, output[-6000:]


# ---------------------------------------------------------------------------------------------------- the document


ROW = {"name": "sum", "description": STATEMENT, "public_tests": {"input": ["1 2\n"], "output": ["3\n"]}}
LIMITED = {"max_samples": 20, "default_samples": 10, "max_statement_chars": 500, "max_tests": 4}
# (body, whether the document calls it valid, the server's answer)
REQUESTS = [
    ({}, False, 422),
    ({"statement": STATEMENT}, True, 202),
    ({"statement": STATEMENT, "problem": ROW}, False, 422),
    ({"problem": ROW}, True, 202),
    ({"problem": ROW, "statement": None, "name": None}, True, 202),  # null is as good as left out
    ({"problem": ROW, "examples": []}, False, 422),
    ({"problem": {**ROW, "difficulty": 99}}, False, 422),
    ({"problem": {**ROW, "colour": "red"}}, False, 422),
    ({"problem": {**ROW, "name": " \x1c\u3000"}}, False, 422),
    ({"statement": " \x1c\t"}, False, 422),
    ({"statement": STATEMENT, "samples": 20.0}, True, 202),  # 20.0 is an integer to JSON Schema
    ({"statement": STATEMENT, "samples": "20"}, False, 422),
    ({"statement": STATEMENT, "samples": 21}, False, 422),
    ({"statement": "x" * 501}, False, 413),
    ({"statement": STATEMENT, "examples": [{"input": "1 2\n", "output": "3\n"}] * 5}, False, 413),
    ({"statement": STATEMENT, "options": {"temperature": 0.5}}, False, 422),  # the replay backend takes none
]


@pytest.fixture(scope="module")
def limited_client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("contract")
    settings = settings_for(folder, write_candidates(folder / "candidates.jsonl"), **LIMITED)
    with TestClient(create_app(settings)) as client:
        yield client


def request_validator(document: dict):
    root = {"$ref": "#/components/schemas/SolveRequest", "components": document["components"]}
    return jsonschema.Draft202012Validator(root, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize(("body", "valid", "status"), REQUESTS, ids=[str(n) for n in range(len(REQUESTS))])
def test_the_request_schema_and_the_server_agree(limited_client, body, valid, status):
    """What the document calls valid the server takes, and what it calls invalid the server refuses: a statement
    or a row (not both, not neither), within this server's limits."""
    assert request_validator(limited_client.get("/openapi.json").json()).is_valid(body) is valid
    assert limited_client.post("/solve", json=body).status_code == status


def test_the_document_states_this_servers_limits_and_options(limited_client):
    schemas = limited_client.get("/openapi.json").json()["components"]["schemas"]
    request = schemas["SolveRequest"]["properties"]
    assert {"type": "integer", "minimum": 1, "maximum": 20} == {
        key: value for key, value in request["samples"]["anyOf"][0].items()}
    assert request["statement"]["anyOf"][0]["maxLength"] == 500
    assert request["examples"]["anyOf"][0]["maxItems"] == 4
    assert schemas["TestsRow"]["properties"]["input"]["maxItems"] == 4
    assert schemas["SamplingOptions"]["properties"] == {}  # replay with the default SOLVER_ALLOWED_OPTIONS
    assert request["seed"]["maximum"] == 2**63 - 1


def test_the_bearer_scheme_is_declared_only_where_it_is_enforced(tmp_path):
    candidates = write_candidates(tmp_path / "candidates.jsonl")
    for token in (None, TOKEN):
        document = create_app(settings_for(tmp_path, candidates, token=token)).openapi()
        operations = {(path, method): operation for path, methods in document["paths"].items()
                      for method, operation in methods.items()}
        protected = {key for key, operation in operations.items() if "security" in operation}
        with_401 = {key for key, operation in operations.items() if "401" in operation["responses"]}
        if token is None:
            assert "securitySchemes" not in document["components"] and not protected and not with_401
        else:
            assert document["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
            assert protected == with_401 == set(operations) - {("/healthz", "get"), ("/readyz", "get")}


def test_a_submitted_job_links_to_its_endpoints(limited_client):
    document = limited_client.get("/openapi.json").json()
    operation_ids = {operation["operationId"] for methods in document["paths"].values()
                     for operation in methods.values()}
    submit = document["paths"]["/solve"]["post"]["responses"]
    for status in ("200", "202"):
        links = submit[status]["links"]
        assert {link["operationId"] for link in links.values()} == {"get_job", "job_events", "cancel_job"}
        assert all(link["parameters"] == {"job_id": "$response.body#/id"} for link in links.values())
        assert {link["operationId"] for link in links.values()} <= operation_ids
        assert submit[status]["headers"]["Location"]["required"] is True


def test_every_error_is_documented_in_the_one_envelope(limited_client):
    document = limited_client.get("/openapi.json").json()
    assert "HTTPValidationError" not in json.dumps(document)
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            for status, answer in operation["responses"].items():
                if status.startswith(("4", "5")) and not (path == "/readyz" and status == "503"):
                    schema = answer["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/ErrorOut"}, (path, method, status)
    solve = document["paths"]["/solve"]["post"]["responses"]
    assert {"400", "413", "422", "429", "503"} <= set(solve)
    assert all(solve[status]["headers"]["Retry-After"]["required"] for status in ("429", "503"))


def test_not_blank_means_what_str_strip_means_in_every_regex_dialect():
    """The pattern the document gives for non-blank text matches exactly the texts `str.strip` leaves something
    of, in Python's `re` and in jsonschema-rs (schemathesis' validator)."""
    jsonschema_rs = pytest.importorskip("jsonschema_rs")
    pattern = re.compile(NOT_BLANK["pattern"])
    validator = jsonschema_rs.validator_for({"type": "string", **NOT_BLANK})
    for code in [*range(0x3100), 0xFEFF, 0x10FFFF]:
        character = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        blank = not character.strip()
        assert (pattern.search(character) is None) is blank, hex(code)
        assert validator.is_valid(character) is not blank, hex(code)
