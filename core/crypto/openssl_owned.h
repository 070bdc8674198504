// unique_ptr for OpenSSL objects, each freed by its own free function:
// Owned<BIO, BIO_free_all>.
#pragma once

#include <memory>

namespace userpool {

template <auto Free>
struct FreeWith {
  template <typename T>
  void operator()(T* p) const {
    Free(p);
  }
};
template <typename T, auto Free>
using Owned = std::unique_ptr<T, FreeWith<Free>>;

}  // namespace userpool
