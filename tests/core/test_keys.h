// Keys shared by the tests of one binary: RSA key generation takes about half
// a second per key in wasm, so each test binary makes one pool's keys once.
#pragma once

#include "core/tokens/pool_keys.h"

namespace userpool::test {

inline const PoolKeys& shared_pool_keys() {
  static const PoolKeys keys = PoolKeys::generate(secure_random());
  return keys;
}

}  // namespace userpool::test
