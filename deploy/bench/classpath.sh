#!/usr/bin/env bash
# Compiles the bot module with its tests (no tests run, nothing installed) and prints the class path
# of its test tree: the bot's classes, test classes and every dependency. Used by jmh.sh and load.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -o -B -q -pl bot -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >&2
echo "$root/bot/target/test-classes:$root/bot/target/classes:$(cat "$root/bot/target/test-classpath.txt")"
