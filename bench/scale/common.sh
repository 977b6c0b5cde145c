# Sourced by bench/scale scripts (from the repository's root).
# hoso_binary: sets HOSO to the release build (built when HOSO is not given).
hoso_binary() {
  if [ -z "${HOSO:-}" ]; then
    swift build -c release --product hoso >/dev/null
    HOSO="$(swift build -c release --show-bin-path)/hoso"
  fi
}
# replay_binary DIR: compiles bench/scale/xapian_replay.cc into DIR/xapian_replay.
replay_binary() { g++ -O2 -std=c++17 -pthread bench/scale/xapian_replay.cc -o "$1/xapian_replay" -lxapian; }
