#!/usr/bin/env python3
"""Valide des fichiers YAML contre un schéma JSON avec le validateur Python
`jsonschema` (draft 2020-12), comme le ferait un éditeur.

Usage : valider.py SCHEMA FICHIER...
Affiche « valide FICHIER » ou « invalide FICHIER : message » par fichier.
Les dates et heures restent des textes, comme pour yaml-language-server
(YAML 1.2) : le chargeur YAML 1.1 de PyYAML en ferait des dates et des nombres.
"""
import json
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    pass


# YAML 1.2: no timestamps, no sexagesimal numbers (09:30 stays a text).
Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
import re  # noqa: E402

Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sys.argv[2:]:
        data = yaml.load(open(path, encoding="utf-8-sig"), Loader=Loader)
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        if errors:
            e = errors[0]
            where = "/".join(str(p) for p in e.path)
            print(f"invalide {path} : {where} : {e.message}")
        else:
            print(f"valide {path}")


main()
