// Dear ImGui build options for the sandbox (included by imgui.h through
// IMGUI_USER_CONFIG, for every file that includes ImGui, ImGui's own too).
#pragma once

// ImGui's asserts stay on in every build, release included: a broken
// Begin/End pairing must fail a test or stop the page with a message, not
// draw garbage. The handler is in web/imgui_hooks.cpp.
namespace userpool::web {
[[noreturn]] void imgui_assert_failed(const char* expression, const char* file, int line);
}
#define IM_ASSERT(expression) \
  ((expression) ? (void)0 : ::userpool::web::imgui_assert_failed(#expression, __FILE__, __LINE__))

// Item hooks: ImGui reports each widget's rectangle and label, which
// web/shell/widget_registry.h records so tests can find and click widgets by name.
#define IMGUI_ENABLE_TEST_ENGINE
