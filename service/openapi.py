"""The OpenAPI document as this server's settings make it, and the documentation pages, served from here.

FastAPI writes the document from the routes and schemas; this module makes it say what this server does:
the limits it enforces (samples, seconds, statement and test sizes, test counts), the sampling options a request
may set, the bearer scheme and its 401 only when the server has a token, and the one error envelope for 422s.
Swagger UI's files come from the `swagger-ui-bundle-v2` package, so /docs works on a machine without internet;
there is no /redoc.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from service.settings import Settings

DOCS = "/docs"
ASSETS = "/docs/assets"  # Swagger UI's JavaScript, CSS and icons


def install_openapi(app: FastAPI, settings: Settings) -> None:
    """Make `app.openapi()` (and /openapi.json) say this server's settings, and serve /docs from here."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = FastAPI.openapi(app)  # builds and keeps it in app.openapi_schema
            own_models(document)
            one_error_envelope(document)
            say_limits(document, settings)
            say_auth(document, settings)
        return app.openapi_schema

    app.openapi = openapi
    _mount_docs(app)


def _mount_docs(app: FastAPI) -> None:
    from swagger_ui_bundle import swagger_ui_path  # a path into the installed package; no work at import

    app.mount(ASSETS, StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")

    @app.get(DOCS, include_in_schema=False)
    async def docs(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "").rstrip("/")
        return get_swagger_ui_html(
            openapi_url=root + app.openapi_url, title=f"{app.title} - API", oauth2_redirect_url=None,
            swagger_js_url=f"{root}{ASSETS}/swagger-ui-bundle.js", swagger_css_url=f"{root}{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS}/favicon-32x32.png",
            # Swagger UI would send the document to validator.swagger.io for a badge: nothing leaves the machine.
            swagger_ui_parameters={"validatorUrl": None})


# --------------------------------------------------------------------------------------------------- the document


def own_models(document: dict) -> None:
    """An answer documented with its own model (`responses={202: {"model": ...}}` on a route whose response model
    is a union of several) names that model alone; FastAPI would leave the union beside it."""
    for operation in _operations(document):
        for answer in operation["responses"].values():
            for content in answer.get("content", {}).values():
                schema = content.get("schema", {})
                if "$ref" in schema and len(schema) > 1:
                    content["schema"] = {"$ref": schema["$ref"]}


def one_error_envelope(document: dict) -> None:
    """FastAPI documents its own 422 shape (`HTTPValidationError`) on routes with parameters; ours is ErrorOut."""
    schemas = document.get("components", {}).get("schemas", {})
    for operation in _operations(document):
        answer = operation.get("responses", {}).get("422")
        if answer and "HTTPValidationError" in str(answer):
            answer["description"] = "invalid: the message and `fields` name each field at fault"
            answer["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
    if "HTTPValidationError" not in str(document.get("paths")):
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)


def say_limits(document: dict, settings: Settings) -> None:
    """The limits `service.intake` enforces with this server's settings, written into the request's schema."""
    schemas = document["components"]["schemas"]
    request = schemas["SolveRequest"]["properties"]
    request["seed"]["maximum"] = 2**63 - 1  # pydantic writes it as a float, which rounds it up to 2**63
    _constrain(request["samples"], maximum=settings.max_samples)
    _constrain(request["seconds"], maximum=settings.max_seconds)
    _constrain(request["statement"], maxLength=settings.max_statement_chars)
    _constrain(request["examples"], maxItems=settings.max_tests)
    for name in ("input", "output"):
        _constrain(schemas["Example"]["properties"][name], maxLength=settings.max_test_bytes)
        listed = schemas["TestsRow"]["properties"][name]
        _constrain(listed, maxItems=settings.max_tests)
        _constrain(listed["items"], maxLength=settings.max_test_bytes)
    _constrain(schemas["CodeContestsRow"]["properties"]["description"], maxLength=settings.max_statement_chars)
    # The options a request may set: allowed by the operator and honoured by the backend; the others get a 422.
    options = schemas["SamplingOptions"]
    allowed = settings.request_options
    options["properties"] = {name: value for name, value in options["properties"].items() if name in allowed}
    options["description"] = (options.get("description", "") + f" This server ({settings.backend} backend) takes: "
                              f"{', '.join(allowed) or 'none'}.").strip()


def say_auth(document: dict, settings: Settings) -> None:
    """The bearer scheme (and its 401) where the server enforces it: only when it has a token. The 401 is the error
    envelope in JSON on every route, /metrics included (FastAPI would give it that route's text/plain)."""
    if settings.token is not None:
        for operation in _operations(document):
            answer = operation.get("responses", {}).get("401")
            if answer is not None:
                answer["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
        return
    document.get("components", {}).pop("securitySchemes", None)
    for operation in _operations(document):
        operation.pop("security", None)
        operation.get("responses", {}).pop("401", None)


def _operations(document: dict):
    for methods in document.get("paths", {}).values():
        for operation in methods.values():
            if isinstance(operation, dict) and "responses" in operation:
                yield operation


def _constrain(schema: dict, **keywords: Any) -> None:
    """Add validation keywords to a property, inside the branch of its `anyOf` that is not null, if it has one."""
    branches = [branch for branch in schema.get("anyOf", []) if branch.get("type") != "null"]
    for branch in branches or [schema]:
        branch.update(keywords)
