#!/usr/bin/env bash
# Fetches the test split of the Ten Thousand German News Articles Dataset (10kGNAD; Block 2019, from the One Million
# Posts corpus of DER STANDARD; CC BY-NC-SA 4.0): 1,028 Austrian news articles, each labelled with one of 9 desk
# categories, for `bench topics-gold`. Not committed: it lands in bench/gold/10kgnad/ (ignored by git), SHA-256-checked.
#   bash bench/gold/10kgnad.sh [SOURCE]
# SOURCE: a clone URL (default: the dataset's public repository) or a local git directory of it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source="${1:-https://github.com/tblock/10kGNAD.git}"
commit=da845fe4a16f02a8de10903ffbc636d1c8d21862
sum=68ba71a01919261f36b362b6a31e7fa34255dde102a5586db23d72eae2e41514
out="$here/10kgnad"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -d "$source" ]; then git_dir="$source"; else git clone --quiet --bare --filter=blob:limit=5m "$source" "$work/repo.git"; git_dir="$work/repo.git"; fi
mkdir -p "$out"
git --git-dir "$git_dir" show "$commit:test.csv" > "$work/test.csv"
echo "$sum  $work/test.csv" | sha256sum --check --quiet
mv "$work/test.csv" "$out/test.csv"
echo "10kGNAD test split at $commit (CC BY-NC-SA 4.0): $out/test.csv. Run: dotnet run -c Release --project bench/Bench -- topics-gold bench/gold/10kgnad/test.csv"
