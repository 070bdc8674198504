// What a frame would put on the screen, reduced to one number, so the page
// can skip drawing a frame that would look exactly like the one before.
//
// Why: in the browser the drawing itself (WebGL, rasterized by the GPU
// process) costs far more than ImGui's layout, and a WebGL canvas keeps
// showing its last picture when a frame draws nothing. An idle page (a
// learner reading, a projector left on a lesson) then costs almost nothing,
// and the page's thread stays free for input and for the engine.
#pragma once

#include <cstdint>

struct ImDrawData;

namespace userpool::web {

// Everything that decides the pixels: the display size, the background
// colour, and each draw list's vertices, indices and commands (clip
// rectangles, textures, offsets). Equal fingerprints mean identical output
// (up to a 64-bit hash collision).
std::uint64_t frame_fingerprint(const ImDrawData& draw_data, const float background[4]);

}  // namespace userpool::web
