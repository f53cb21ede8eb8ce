#!/usr/bin/env bash
# Fetches the gold lemmas of the Universal Dependencies German GSD treebank (CC BY-SA 4.0; McDonald et al. 2013, lemmas of
# content words corrected from TIGER) for `bench lemmas`: the dev split, for development, and the test split, reported once.
# Nothing here is committed: the files land in bench/gold/ud-german/ (ignored by git) and are checked against pinned SHA-256s.
#   bash bench/gold/ud-german.sh [SOURCE]
# SOURCE: a clone URL (default: the treebank's public repository) or a local git directory of it (a clone or a bare mirror).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source="${1:-https://github.com/UniversalDependencies/UD_German-GSD.git}"
commit=297fcf350481058d0737a27f0f8fd03b2eadd67a   # 2025-05-10
out="$here/ud-german"
declare -A sums=(
  [de_gsd-ud-dev.conllu]=00431f2624cbbf66796c097a9303bbc8f8e8ca88ef35c4c5664aa396b2d674c9
  [de_gsd-ud-test.conllu]=bceb8e867ba3ee7f1449d44fb31538d63a514f07e6763e7d9a5ffe794407bed4
)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -d "$source" ]; then
  git_dir="$source"
else
  git clone --quiet --bare --filter=blob:limit=5m "$source" "$work/repo.git"
  git_dir="$work/repo.git"
fi
mkdir -p "$out"
for file in "${!sums[@]}"; do
  git --git-dir "$git_dir" show "$commit:$file" > "$work/$file"
  echo "${sums[$file]}  $work/$file" | sha256sum --check --quiet
  mv "$work/$file" "$out/$file"
  echo "  $out/$file"
done
git --git-dir "$git_dir" show "$commit:LICENSE.txt" > "$out/LICENSE.txt"
echo "UD German GSD at $commit: CC BY-SA 4.0 (see $out/LICENSE.txt). Run: dotnet run -c Release --project bench/Bench -- lemmas bench/gold/ud-german/de_gsd-ud-dev.conllu"
