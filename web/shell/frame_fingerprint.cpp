#include "web/shell/frame_fingerprint.h"

#include <string_view>

#include "imgui.h"

namespace userpool::web {

namespace {

// Mixes the hash of a run of bytes into the running value (the standard
// library's string hash does the hashing; the mix is boost's hash_combine).
void mix_bytes(std::uint64_t& seed, const void* data, std::size_t size) {
  const std::uint64_t h =
      std::hash<std::string_view>{}(std::string_view(static_cast<const char*>(data), size));
  seed ^= h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
}

template <typename T>
void mix_value(std::uint64_t& seed, const T& value) {
  mix_bytes(seed, &value, sizeof value);
}

}  // namespace

std::uint64_t frame_fingerprint(const ImDrawData& draw_data, const float background[4]) {
  std::uint64_t seed = 0;
  mix_bytes(seed, background, 4 * sizeof(float));
  mix_value(seed, draw_data.DisplayPos);
  mix_value(seed, draw_data.DisplaySize);
  mix_value(seed, draw_data.FramebufferScale);
  for (int i = 0; i < draw_data.CmdListsCount; ++i) {
    const ImDrawList* list = draw_data.CmdLists[i];
    mix_value(seed, list->VtxBuffer.Size);
    mix_value(seed, list->IdxBuffer.Size);
    mix_value(seed, list->CmdBuffer.Size);
    mix_bytes(seed, list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.size_in_bytes()));
    mix_bytes(seed, list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.size_in_bytes()));
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      // Field by field: ImDrawCmd has padding, whose bytes are not defined.
      mix_value(seed, cmd.ClipRect);
      mix_value(seed, cmd.TextureId);
      mix_value(seed, cmd.VtxOffset);
      mix_value(seed, cmd.IdxOffset);
      mix_value(seed, cmd.ElemCount);
      // The app draws nothing through callbacks (what one draws would be
      // invisible here); ImGui's own ResetRenderState marker is a callback.
      mix_value(seed, cmd.UserCallback);
    }
  }
  mix_value(seed, draw_data.CmdListsCount);
  return seed;
}

}  // namespace userpool::web
