#!/usr/bin/env python3
"""Checks recorded HTTP responses against hoso's OpenAPI document (used by OpenAPIConformanceTests).

    openapi_check.py OPENAPI_YAML RESPONSES_JSON

RESPONSES_JSON: a list of {"method", "path", "status", "content_type", "body"} (body as text), recorded
through the real router. For each, the operation is found by matching the path against the document's
path templates; the status must be documented for it, and a JSON body is validated against the schema
of that response (the subset of JSON Schema the document uses: type, required, properties,
additionalProperties, items, enum, minimum, maximum, maxLength, nullable, $ref). Prints one line per
problem and a summary; exit status 0 when every response conforms, 1 otherwise. Needs PyYAML only.
"""
import json
import re
import sys

import yaml


def resolve(doc, node):
    while isinstance(node, dict) and "$ref" in node:
        target = doc
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def validate(doc, schema, value, where, problems):
    schema = resolve(doc, schema)
    if value is None:
        if not schema.get("nullable"):
            problems.append(f"{where}: null where the document does not allow it")
        return
    kind = schema.get("type")
    checks = {
        "object": lambda v: isinstance(v, dict),
        "array": lambda v: isinstance(v, list),
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
    }
    if kind and not checks[kind](value):
        problems.append(f"{where}: {type(value).__name__} where the document says {kind}")
        return
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in {schema['enum']}")
    if "minimum" in schema and isinstance(value, (int, float)) and value < schema["minimum"]:
        problems.append(f"{where}: {value} below minimum {schema['minimum']}")
    if "maximum" in schema and isinstance(value, (int, float)) and value > schema["maximum"]:
        problems.append(f"{where}: {value} above maximum {schema['maximum']}")
    if "maxLength" in schema and isinstance(value, str) and len(value) > schema["maxLength"]:
        problems.append(f"{where}: longer than {schema['maxLength']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                problems.append(f"{where}: required field {name!r} missing")
        extra = schema.get("additionalProperties", True)
        for name, v in value.items():
            if name in props:
                validate(doc, props[name], v, f"{where}.{name}", problems)
            elif extra is False:
                problems.append(f"{where}: field {name!r} not in the document")
            elif isinstance(extra, dict):
                validate(doc, extra, v, f"{where}.{name}", problems)
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            validate(doc, schema["items"], v, f"{where}[{i}]", problems)


def operation(doc, method, path):
    parts = path.strip("/").split("/")
    for template, item in doc["paths"].items():
        t = template.strip("/").split("/")
        if len(t) == len(parts) and all(a.startswith("{") or a == b for a, b in zip(t, parts)) \
                and method.lower() in item:
            return template, item[method.lower()]
    return None, None


def main():
    doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
    responses = json.load(open(sys.argv[2], encoding="utf-8"))
    problems = []
    checked = 0
    for r in responses:
        path = r["path"].split("?")[0]
        template, op = operation(doc, r["method"], path)
        where = f"{r['method']} {r['path']} → {r['status']}"
        if op is None:
            problems.append(f"{where}: no such operation in the document")
            continue
        documented = op.get("responses", {})
        spec = documented.get(str(r["status"])) or documented.get("default")
        if spec is None:
            problems.append(f"{where}: status not documented for {template} (has {sorted(documented)})")
            continue
        spec = resolve(doc, spec)
        content = spec.get("content", {})
        ctype = (r.get("content_type") or "").split(";")[0].strip()
        if content and ctype not in content:
            problems.append(f"{where}: content type {ctype!r} not documented (has {sorted(content)})")
            continue
        if ctype == "application/json":
            try:
                body = json.loads(r["body"])
            except ValueError as e:
                problems.append(f"{where}: body is not JSON ({e})")
                continue
            schema = content.get("application/json", {}).get("schema")
            if schema is not None:
                validate(doc, schema, body, "body", problems)
        checked += 1
    for p in problems:
        print(p)
    print(f"openapi_check: {len(responses)} responses, {checked} checked against their documented response, {len(problems)} problems")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
