#!/usr/bin/env bash
# Fetches the non-fictional part (Die Grenzboten, MKHZ newspapers and magazines, 1840-1919) of the main release of the
# REDEWIEDERGABE corpus (Brunner et al. 2020; CC BY-NC-SA 4.0), a German corpus annotated for speech, thought and writing
# representation, for `bench voices`. Nothing here is committed: the files land in bench/gold/redewiedergabe/ (ignored by
# git) and are checked against a pinned SHA-256 of their sorted sha256sum listing.
#   bash bench/gold/redewiedergabe.sh [SOURCE]
# SOURCE: a clone URL (default: the corpus's public repository) or a local git directory of it (a clone or a bare mirror).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source="${1:-https://github.com/redewiedergabe/corpus.git}"
commit=45abfcf5f9c2a3d9a903f5c68f8f5b36bbce5563
listing=39c1c3e52cfab196c5207dc2c2910f98ed0a932f515be821b563108ba66d0f48
out="$here/redewiedergabe"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -d "$source" ]; then
  git_dir="$source"
else
  git clone --quiet --bare --filter=blob:limit=5m "$source" "$work/repo.git"
  git_dir="$work/repo.git"
fi
mkdir -p "$work/tsv"
for file in $(git --git-dir "$git_dir" ls-tree -r --name-only "$commit" data/main/tsv | grep -E '/rwk_(grenz|mkhz)_'); do
  git --git-dir "$git_dir" show "$commit:$file" > "$work/tsv/$(basename "$file")"
done
actual=$(cd "$work/tsv" && sha256sum $(ls | sort) | sha256sum | cut -d' ' -f1)
[ "$actual" = "$listing" ] || { echo "checksum mismatch: $actual, expected $listing" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out" && mv "$work/tsv"/*.tsv "$out/"
echo "REDEWIEDERGABE (non-fiction, $(ls "$out" | wc -l) files) at $commit: CC BY-NC-SA 4.0. Run: dotnet run -c Release --project bench/Bench -- voices bench/gold/redewiedergabe"
