#include "core/saml/deflate.h"

#include <zlib.h>

#include <stdexcept>

namespace userpool::saml {
namespace {
// Negative window bits: raw DEFLATE, without zlib's header and checksum.
constexpr int kRawWindowBits = -15;
}  // namespace

std::string deflate_raw(std::string_view data) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, kRawWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib: deflateInit2 failed");
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int r = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (r != Z_STREAM_END) throw std::runtime_error("zlib: deflate failed");
  return out;
}

std::optional<std::string> inflate_raw(std::string_view data, std::size_t max_bytes) {
  z_stream z{};
  if (inflateInit2(&z, kRawWindowBits) != Z_OK) return std::nullopt;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buffer[16384];
  int r = Z_OK;
  while (r == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    r = inflate(&z, Z_NO_FLUSH);
    if (r != Z_OK && r != Z_STREAM_END) break;
    out.append(buffer, sizeof buffer - z.avail_out);
    if (out.size() > max_bytes) {
      r = Z_MEM_ERROR;
      break;
    }
    if (r == Z_OK && z.avail_in == 0 && z.avail_out != 0) break;  // the data ended before the stream did
  }
  inflateEnd(&z);
  if (r != Z_STREAM_END) return std::nullopt;
  return out;
}

}  // namespace userpool::saml
