#!/usr/bin/env bash
# Makes the root filesystem under the data proxy's container image, without Docker and without a registry:
# Debian's C library (package libc6: the only native library a jlinked JDK needs) and a Java runtime jlinked
# from the JDK that runs the build. Google's distroless images are made from Debian packages the same way.
# Jib (profile container-image) then puts the proxy's jars on top of this root, on an empty ("scratch") base.
#
# Usage: build-runtime-root.sh OUTPUT_DIR JAVA_HOME [MODULES]
# MODULES (comma-separated) defaults to what the data proxy needs; the migration task's image passes its own.
# Set SLIPWAY_IMAGE_LIBC_DEB=/path/to/libc6_*.deb to use a package you downloaded yourself (it must be for
# the build machine's architecture: the jlinked runtime is the build JDK's, so an arm64 image is built on arm64).
set -euo pipefail

out=${1:?usage: build-runtime-root.sh OUTPUT_DIR JAVA_HOME}
java_home=${2:?usage: build-runtime-root.sh OUTPUT_DIR JAVA_HOME}
# the JDK modules the proxy and its jars use (jdeps --print-module-deps, less java.desktop, which only
# Jackson's optional java.beans support and Micrometer's Log4j binder name), and java.net.http, which slipway-aws
# calls Secrets Manager and the container credentials endpoint with (the proxy reading a target's secret, the
# migration task reading the database's: ContainerImageIT and MigrationTaskImageIT run them as ECS would)
modules=${3:-java.base,java.sql,java.naming,java.management,jdk.management,jdk.unsupported,jdk.net,java.security.jgss,java.security.sasl,jdk.crypto.ec,java.net.http}

fail() { echo "build-runtime-root: $*" >&2; exit 1; }

[ "$(uname -s)" = Linux ] || fail "the image's runtime is jlinked from the build JDK, so it must be built on Linux (this is $(uname -s)). Elsewhere, build it on a Linux CI machine, or let Jib use a JRE base image from a registry (docs/deploy.md, 'Data proxy container image')."
[ -x "$java_home/bin/jlink" ] || fail "no jlink in $java_home: run the build with a JDK >= 21 (./mvnw finds one)."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

deb=${SLIPWAY_IMAGE_LIBC_DEB:-}
if [ -z "$deb" ]; then
  command -v apt-get >/dev/null 2>&1 || fail "apt-get not found: this script takes Debian's libc6 package with 'apt-get download libc6'. Download libc6_*.deb for $(uname -m) yourself and set SLIPWAY_IMAGE_LIBC_DEB=/path/to/it."
  (cd "$work" && apt-get download -q libc6 >/dev/null 2>"$work/apt.log") \
    || fail "'apt-get download libc6' failed ($(tail -1 "$work/apt.log")). Run 'apt-get update', or set SLIPWAY_IMAGE_LIBC_DEB=/path/to/libc6_*.deb."
  deb=$(ls "$work"/libc6_*.deb)
fi
[ -f "$deb" ] || fail "SLIPWAY_IMAGE_LIBC_DEB=$deb is not a file."

rm -rf "$out"
mkdir -p "$out" "$work/libc6"
dpkg-deb -x "$deb" "$work/libc6" 2>/dev/null || (cd "$work/libc6" && ar p "$deb" data.tar.xz | tar -xJ) \
  || fail "cannot unpack $deb (needs dpkg-deb, or ar and tar)."

# the shared objects and the dynamic loader; -L turns lib64/ld-linux-*.so.2's link into a file (Jib copies files)
for dir in lib lib64; do
  [ -d "$work/libc6/$dir" ] && cp -rL "$work/libc6/$dir" "$out/"
done
mkdir -p "$out/usr/share/doc/libc6"
cp "$work/libc6/usr/share/doc/libc6/copyright" "$out/usr/share/doc/libc6/"

"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --generate-cds-archive --output "$work/java" >/dev/null
rm -f "$work/java/lib/server/classes_nocoops.jsa" # only for heaps over 32 GB
cp -rL "$work/java" "$out/opt-java"
mkdir -p "$out/opt" && mv "$out/opt-java" "$out/opt/java"

# what a JVM and a resolver look for: a user to run as (65532, as distroless's nonroot), hosts, nsswitch, /tmp
mkdir -p "$out/etc" "$out/tmp" "$out/home/nonroot"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$out/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' >"$out/etc/group"
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$out/etc/hosts"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$out/etc/nsswitch.conf"

echo "build-runtime-root: $(du -sh "$out" | cut -f1) in $out ($(basename "$deb"), $("$out/opt/java/bin/java" -version 2>&1 | head -1))"
