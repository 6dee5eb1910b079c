#!/usr/bin/env bash
# Mesure le temps et la mémoire maximale de `reunion check` (binaire release,
# GNU time) sur chaque cas hostile de SECURITY.md, et affiche le tableau en
# Markdown. Les chiffres dépendent de la machine : ce script n'est pas lancé
# par la CI (tests/cli/robustesse/input.rs y vérifie les mêmes cas avec des bornes larges).
#
#   scripts/mesurer-limites.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "il faut GNU time (/usr/bin/time)" >&2; exit 2; }
cargo build --release --locked -q
bin="$PWD/target/release/reunion"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Un dossier de réunions minimal ; le compte rendu du cas s'écrit ensuite.
folder() {
  local d="$work/$1"
  mkdir -p "$d/reunions"
  printf 'organisation:\n  nom: Essai\nterritoires: [Lille]\n' >"$d/reunion.yaml"
  echo "$d/reunions/2022-01-01-cas.yaml"
}
head_record() { printf 'titre: Cas\ndate: 2022-01-01\nmodalite: visio\n'; }

f=$(folder bombe)
{ printf 'titre: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'; p=a
  for c in b c d e f g h i j k l m n o p q r s t u v w x y z; do
    printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' $c $c $p $p $p $p $p $p $p $p $p; p=$c
  done; } >"$f"
f=$(folder profond); { printf 'titre: '; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; echo; } >"$f"
f=$(folder liste); { head_record; echo 'objectifs:'; seq -f '  - Objectif numéro %g' 10000; } >"$f"
f=$(folder valeurs); { head_record; echo 'objectifs:'; seq -f '  - o%g' 120000; } >"$f"
f=$(folder ligne); { head_record; printf 'meteo: '; head -c 1048576 /dev/zero | tr '\0' 'm'; echo; } >"$f"
f=$(folder gros); head -c 3145728 /dev/zero | tr '\0' '#' >"$f"
f=$(folder enorme); truncate -s 1G "$f"

echo "| cas | fichier | temps | mémoire max | code | premier message |"
echo "|---|---|---|---|---|---|"
for c in bombe:"bombe d'alias (9^26 valeurs une fois développée)" \
         profond:"100 000 \`[\` imbriqués" \
         liste:"liste de 10 000 éléments" \
         valeurs:"120 000 valeurs" \
         ligne:"une ligne de 1 Mio" \
         gros:"fichier de 3 Mio" \
         enorme:"fichier de 1 Gio (creux)"; do
  name=${c%%:*}; label=${c#*:}
  d="$work/$name"
  size=$(du -h --apparent-size "$d/reunions/2022-01-01-cas.yaml" | cut -f1)
  code=0
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" -C "$d" check >"$work/out" 2>"$work/err" || code=$?
  read -r secs kib < <(tail -1 "$work/time")
  message=$(grep -m1 -E '^(erreur|avertissement)' "$work/err" || head -1 "$work/out")
  # Un cas accepté est aussi publié : la mesure porte alors sur render.
  if [ "$code" -eq 0 ]; then
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" -C "$d" render >/dev/null 2>&1
    read -r rsecs rkib < <(tail -1 "$work/time")
    message="$message ; render : $rsecs s, $((rkib / 1024)) Mio"
  fi
  printf '| %s | %s | %s s | %s Mio | %s | %s |\n' "$label" "$size" "$secs" "$((kib / 1024))" "$code" "${message//|/\\|}"
done
