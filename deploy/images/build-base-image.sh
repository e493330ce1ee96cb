#!/usr/bin/env bash
# Builds, without a container registry or a Docker daemon, the base image the services' images are built on:
# a Java 17 runtime made with jlink from the build's own JDK, the few shared libraries it links against (glibc, zlib,
# libstdc++ for the compression codecs' native code), a non-root user (65532) and nothing else (no shell, no package
# manager). Written as a `docker save` tarball, which Jib reads with `<from><image>tar://...`.
#
# Also compiles the health probe (HealthProbe.java beside this script) into <out>/extras, which every service image
# carries at /opt/safeguarding/healthprobe whatever its base (docker compose's healthchecks run it).
#
#   build-base-image.sh <java.home of the build JDK> <output directory> [<image.base>]
#
# The base is only built when <image.base> is a tar:// path (the default); with a registry base
# (-Dimage.base=eclipse-temurin:17-jre...) only the probe is compiled. Rebuilt only when this script or the JDK changed.
set -euo pipefail

java_home=$1
out=$2
image_base=${3:-tar://}
here="$(cd "$(dirname "$0")" && pwd)"

mkdir -p "$out/extras/opt/safeguarding/healthprobe"
"$java_home/bin/javac" --release 17 -d "$out/extras/opt/safeguarding/healthprobe" "$here/HealthProbe.java"

if [[ "$image_base" != tar://* ]]; then
  echo "base image: $image_base (from its registry); the offline base is not built"
  exit 0
fi

stamp="$( (cat "$0"; "$java_home/bin/java" -version 2>&1; uname -m) | sha256sum | cut -c1-64)"
if [[ -f "$out/base-image.tar" && "$(cat "$out/base-image.stamp" 2>/dev/null)" == "$stamp" ]]; then
  echo "base image: $out/base-image.tar is up to date"
  exit 0
fi

arch=$(uname -m)
case "$arch" in
  x86_64) oci_arch=amd64; triplet=x86_64-linux-gnu; loader=/lib64/ld-linux-x86-64.so.2 ;;
  aarch64) oci_arch=arm64; triplet=aarch64-linux-gnu; loader=/lib/ld-linux-aarch64.so.1 ;;
  *) echo "unsupported architecture $arch" >&2; exit 1 ;;
esac

work="$out/work"
rm -rf "$work" "$out/base-image.tar" "$out/base-image.stamp"
rootfs="$work/rootfs"
mkdir -p "$rootfs/opt/java" "$rootfs/usr/lib/$triplet" "$rootfs/etc" "$rootfs/tmp" "$rootfs/home/nonroot" \
  "$rootfs/usr/share/doc"
ln -s usr/lib "$rootfs/lib"
[[ "$oci_arch" == amd64 ]] && mkdir -p "$rootfs/usr/lib64" && ln -s usr/lib64 "$rootfs/lib64"

# The runtime: what a Spring Boot service with Kafka, JDBC, TLS, JMX and JFR uses (java.se and the jdk.* runtime
# modules a JRE has), no compiler or tools but jcmd (thread and heap dumps from inside the container).
"$java_home/bin/jlink" \
  --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.charsets,jdk.localedata,jdk.management,jdk.management.agent,jdk.management.jfr,jdk.jfr,jdk.naming.dns,jdk.net,jdk.zipfs,jdk.security.auth,jdk.security.jgss,jdk.httpserver,jdk.jcmd \
  --include-locales=en,en-GB --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$rootfs/opt/java/openjdk"

# Shared libraries of the runtime (headless: not those of AWT's X11, sound and font code), the C++ runtime and
# libgcc_s for the native codecs the Kafka client unpacks (snappy, zstd), and the dynamic loader.
libs="$( (find "$rootfs/opt/java/openjdk" -name '*.so' \
            ! -name 'libawt_xawt.so' ! -name 'libjsound.so' ! -name 'libsplashscreen.so' ! -name 'libfontmanager.so' \
            ! -name 'liblcms.so' ! -name 'libjavajpeg.so' ! -name 'libjawt.so' -print0 | xargs -0 ldd; ldd "$rootfs/opt/java/openjdk/bin/java") \
         | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | grep -v "^$rootfs" | sort -u)"
for lib in $libs /usr/lib/$triplet/libstdc++.so.6 /usr/lib/$triplet/libgcc_s.so.1; do
  cp -L "$lib" "$rootfs/usr/lib/$triplet/$(basename "$lib")"
done
cp -L "$loader" "$rootfs/usr${loader#/lib}" 2>/dev/null || cp -L "$loader" "$rootfs/usr/lib64/$(basename "$loader")"
for package in libc6 zlib1g libgcc-s1 libstdc++6 openjdk-17-jre-headless; do
  if [[ -f "/usr/share/doc/$package/copyright" ]]; then
    mkdir -p "$rootfs/usr/share/doc/$package" && cp "/usr/share/doc/$package/copyright" "$rootfs/usr/share/doc/$package/"
  fi
done
cp -r "$rootfs/opt/java/openjdk/legal" "$rootfs/usr/share/doc/openjdk-legal"

printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
printf 'NAME="safeguarding java-base"\nID=safeguarding-java-base\nVERSION_ID="17"\nBUILT_FROM="%s"\n' \
  "$("$java_home/bin/java" -version 2>&1 | sed -n 2p)" > "$rootfs/etc/os-release"
chmod 1777 "$rootfs/tmp"
chmod 0700 "$rootfs/home/nonroot"

# The runtime must start in its own root (a chroot stands in for a container where we are root).
if [[ $(id -u) == 0 ]] && command -v chroot >/dev/null; then
  # without /proc in the chroot the loader learns $ORIGIN from LD_ORIGIN_PATH
  LD_ORIGIN_PATH=/opt/java/openjdk/bin chroot "$rootfs" /opt/java/openjdk/bin/java -Xshare:off -XX:-UsePerfData -version >/dev/null 2>"$work/chroot.log" \
    || { cat "$work/chroot.log" >&2; echo "the base image's java does not start in its own root" >&2; exit 1; }
fi

# One reproducible layer: sorted, epoch times, root-owned except the user's home.
(cd "$rootfs" && find . -mindepth 1 -printf '%P\0' | LC_ALL=C sort -z \
  | tar --create --file "$work/layer.tar" --null --no-recursion --files-from - \
        --mtime=@0 --numeric-owner --owner=0 --group=0 --format=gnu)
if [[ $(id -u) == 0 ]]; then
  # the home directory belongs to the user the services run as
  (cd "$rootfs" && tar --create --file "$work/home.tar" --no-recursion --mtime=@0 --numeric-owner \
     --owner=65532 --group=65532 --format=gnu home/nonroot)
  tar --delete --file "$work/layer.tar" home/nonroot
  tar --concatenate --file "$work/layer.tar" "$work/home.tar"
fi

diff_id=$(sha256sum "$work/layer.tar" | cut -c1-64)
cat > "$work/config.json" <<JSON
{"architecture":"$oci_arch","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"],
           "User":"65532:65532","WorkingDir":"/"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/build-base-image.sh (jlink of the build JDK)"}]}
JSON
config_id=$(sha256sum "$work/config.json" | cut -c1-64)
mkdir -p "$work/image/$diff_id"
mv "$work/layer.tar" "$work/image/$diff_id/layer.tar"
cp "$work/config.json" "$work/image/$config_id.json"
printf '[{"Config":"%s.json","RepoTags":["safeguarding/java-base:17"],"Layers":["%s/layer.tar"]}]\n' \
  "$config_id" "$diff_id" > "$work/image/manifest.json"
(cd "$work/image" && tar --create --file "$out/base-image.tar" --mtime=@0 --owner=0 --group=0 --numeric-owner \
   manifest.json "$config_id.json" "$diff_id")
rm -rf "$work"
echo "$stamp" > "$out/base-image.stamp"
echo "base image: $out/base-image.tar ($(du -h "$out/base-image.tar" | cut -f1), layer sha256:$diff_id)"
