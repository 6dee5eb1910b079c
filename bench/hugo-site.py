#!/usr/bin/env python3
"""Turns a reunion folder into a Hugo site, for bench/hugo.sh.

    python3 bench/hugo-site.py CORPUS SITE

Writes SITE/config.toml, SITE/layouts/ and one page per meeting,
SITE/content/reunions/<stem>.md, whose Markdown body holds what
`reunion render` puts on a meeting page (objectives, participants without
names, weather, agenda points, actions grouped by territory, follow-ups, next
meeting) so that Hugo converts as much Markdown as reunion does. The canonical
territories of a meeting's actions go into the `territoires` taxonomy, so Hugo
also writes one page per territory, like reunion. SITE is replaced.
"""

import json
import os
import shutil
import sys
import unicodedata

import yaml

# reunion reads the records as plain text; BaseLoader keeps every scalar a
# string (no YAML 1.1 sexagesimal "9:45", no date objects), and the C loader
# keeps the one-off conversion of 10,000 records short.
Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

CONFIG = """\
baseURL = "https://exemple.invalid/"
languageCode = "fr"
title = "Comptes rendus"
# reunion writes reunions/<stem>.html, territoires/<nom>.html: same layout.
uglyURLs = true
# Pages reunion does not produce.
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false
disableAliases = true
# The corpus runs for decades past today: Hugo skips future-dated pages
# unless told otherwise, reunion publishes every meeting.
buildFuture = true
# No Git, no .Lastmod lookups, no emoji pass: reunion does none of them.
enableGitInfo = false
enableEmoji = false

[taxonomies]
territoire = "territoires"

[markup.goldmark.renderer]
# reunion passes the records' Markdown through its own sanitizer; Hugo's
# default (unsafe = false) drops raw HTML, which costs about as little.
unsafe = false

[markup.highlight]
codeFences = false
"""

BASEOF = """\
<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ .Site.Title }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<header class="entete"><p class="organisation"><span>{{ .Site.Title }}</span></p></header>
<nav class="navigation" aria-label="Navigation principale"><ul>
<li><a href="{{ "index.html" | relURL }}">Comptes rendus</a></li>
<li><a href="{{ "territoires.html" | relURL }}">Territoires</a></li>
</ul></nav>
<main id="contenu" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}
<article class="compte-rendu">
<h1>{{ .Title }}</h1>
<p class="chapeau">Compte rendu de la rencontre du <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time></p>
<dl class="infos">
<div><dt>Modalité</dt><dd>{{ .Params.modalite }}</dd></div>
{{ with .Params.lieu }}<div><dt>Lieu</dt><dd>{{ . }}</dd></div>{{ end }}
{{ with .Params.reseau }}<div><dt>Réseau</dt><dd>{{ . }}</dd></div>{{ end }}
</dl>
{{ .Content }}
{{ with .GetTerms "territoires" }}<p>Territoires : {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}
</article>
<nav class="voisines" aria-label="Rencontres précédente et suivante"><ul>
{{ with .NextInSection }}<li><a href="{{ .RelPermalink }}">Rencontre du {{ .Date.Format "02/01/2006" }}</a></li>{{ end }}
{{ with .PrevInSection }}<li><a href="{{ .RelPermalink }}">Rencontre du {{ .Date.Format "02/01/2006" }}</a></li>{{ end }}
</ul></nav>
{{ end }}
"""

# Home, the meetings section, the list of territories and each territory:
# every page it lists, newest first, with its date.
LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ if not .Date.IsZero }} <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time>{{ end }}</li>
{{ end }}
</ul>
{{ end }}
"""


def key(text):
    """reunion compares territories ignoring case, accents, spaces and
    punctuation (docs/format.md)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c.lower() for c in decomposed if c.isalnum())


def territories(config):
    names = {}
    for t in config.get("territoires") or []:
        if isinstance(t, str):
            t = {"nom": t}
        names[key(t["nom"])] = t["nom"]
        for alias in t.get("alias") or []:
            names[key(alias)] = t["nom"]
    return names


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def person(p, names):
    label = ", ".join(x for x in (p.get("fonction"), p.get("structure")) if x)
    t = p.get("territoire")
    # Names are personal data, left out as `reunion render` does by default.
    return f"- {label}" + (f" ({names.get(key(t), t)})" if t else "")


def page(record, names):
    out = []
    objectifs = as_list(record.get("objectifs"))
    if objectifs:
        out.append("## Objectifs de la réunion\n")
        out.extend(f"- {o}" for o in objectifs)
        out.append("")
    for field, heading in (("participants", "Étaient présent·es"), ("excuses", "Étaient excusé·es")):
        people = as_list(record.get(field))
        if people:
            out.append(f"## {heading}\n")
            out.extend(person(p, names) for p in people)
            out.append("")
    if record.get("meteo"):
        out.append("## Météo du jour\n")
        out.append(record["meteo"].rstrip() + "\n")
    points = as_list(record.get("points"))
    if points:
        out.append("## Ordre du jour\n")
        for p in points:
            out.append(f"### {p['titre']}\n")
            out.append((p.get("contenu") or "Pas d'élément.").rstrip() + "\n")
    actions = as_list(record.get("actions"))
    by_territory = {}
    for a in actions:
        t = names.get(key(a["territoire"]), a["territoire"])
        by_territory.setdefault(t, []).append(a)
    if actions:
        out.append("## Actions à valoriser\n")
        for t in sorted(by_territory):
            out.append(f"### {t}\n")
            for a in by_territory[t]:
                out.append(f"#### {a['titre']}\n")
                if a.get("porteur"):
                    out.append(f"- Porteur : {a['porteur']}")
                if a.get("thematiques"):
                    out.append("- Thématiques : " + ", ".join(as_list(a["thematiques"])))
                if a.get("publics"):
                    out.append("- Publics : " + ", ".join(as_list(a["publics"])))
                out.append(f"- Statut : {a.get('statut', 'a_documenter')}\n")
                if a.get("description"):
                    out.append(a["description"].rstrip() + "\n")
    suites = as_list(record.get("suites"))
    if suites:
        out.append("## Suites à donner\n")
        out.append("| Quoi | Qui | Échéance | État |\n|---|---|---|---|")
        for s in suites:
            done = "faite" if str(s.get("fait", "false")).lower() in ("true", "oui") else "à faire"
            out.append(f"| {s['quoi']} | {s.get('qui') or '—'} | {s.get('echeance') or '—'} | {done} |")
        out.append("")
    nxt = record.get("prochaine_reunion")
    if nxt:
        out.append("## Prochaine rencontre\n")
        out.append(f"{nxt['date']}" + (f", {nxt['modalite']}" if nxt.get("modalite") else "") + "\n")
        if nxt.get("note"):
            out.append(nxt["note"].rstrip() + "\n")
    front = {
        "title": record["titre"],
        "date": record["date"],
        "modalite": record["modalite"],
        "territoires": sorted(by_territory),
    }
    for k in ("lieu", "reseau"):
        if record.get(k):
            front[k] = record[k]
    # JSON front matter: Hugo reads it, and no YAML quoting to get wrong.
    return json.dumps(front, ensure_ascii=False, indent=1) + "\n\n" + "\n".join(out) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    corpus, site = sys.argv[1], sys.argv[2]
    with open(os.path.join(corpus, "reunion.yaml"), encoding="utf-8-sig") as f:
        config = yaml.load(f, Loader=Loader)
    names = territories(config)
    shutil.rmtree(site, ignore_errors=True)
    write(os.path.join(site, "config.toml"), CONFIG)
    write(os.path.join(site, "layouts/_default/baseof.html"), BASEOF)
    write(os.path.join(site, "layouts/_default/single.html"), SINGLE)
    write(os.path.join(site, "layouts/_default/list.html"), LIST)
    write(os.path.join(site, "content/_index.md"), '{"title": "Comptes rendus"}\n')
    write(os.path.join(site, "content/reunions/_index.md"), '{"title": "Toutes les rencontres"}\n')
    # reunion writes its stylesheet beside the pages: so does Hugo (static/).
    css = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "templates", "style.css")
    if os.path.exists(css):
        os.makedirs(os.path.join(site, "static"), exist_ok=True)
        shutil.copy(css, os.path.join(site, "static", "style.css"))
    for root, dirs, files in os.walk(os.path.join(corpus, "reunions")):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".yaml"):
                continue
            with open(os.path.join(root, name), encoding="utf-8-sig") as f:
                record = yaml.load(f, Loader=Loader)
            write(os.path.join(site, "content/reunions", name[:-5] + ".md"), page(record, names))


if __name__ == "__main__":
    main()
