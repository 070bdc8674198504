// The browser entry point: a WebGL2 context through Emscripten's GLFW, Dear
// ImGui's GLFW + OpenGL3 backends, and the per-frame loop. The only file that
// talks to the page (shell.html) besides the JS the shell itself runs.
//
// HiDPI: the canvas's CSS size comes from the page; its backing store is set
// here to CSS size x devicePixelRatio, and ImGui works in device pixels with
// fonts and spacing scaled by the same ratio, so text is rasterized at the
// screen's own resolution. Emscripten's GLFW reports window, framebuffer and
// mouse coordinates all in backing-store pixels, which matches.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <memory>
#include <optional>

#include "core/api/door.h"
#include "core/model/account.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "web/shell/app.h"
#include "web/shell/fonts.h"
#include "web/shell/frame_fingerprint.h"
#include "web/shell/js_api.h"
#include "web/shell/hosted_frame.h"
#include "web/shell/page_services.h"
#include "web/shell/theme.h"

namespace {

// Calls into shell.html's window.userpoolShell.
EM_JS(void, shell_ready, (), { if (window.userpoolShell) window.userpoolShell.ready(); });
EM_JS(void, shell_fail, (const char* message), {
  if (window.userpoolShell) window.userpoolShell.fail(UTF8ToString(message));
});

constexpr const char* kCanvas = "#canvas";

struct Runtime {
  GLFWwindow* window = nullptr;
  userpool::Account account;
  userpool::AccountDoor door{account};  // the app reaches the sandbox only through this
  std::unique_ptr<userpool::web::App> app;
  float scale = 0;  // device pixels per CSS pixel the fonts were built for
  int width = 0, height = 0;  // backing store, device pixels
  bool announced_ready = false;
  // The fingerprint of the picture on the canvas; none (after a resize or
  // zoom) makes the next frame draw whatever it holds.
  std::optional<std::uint64_t> drawn;
};

// Keeps the backing store at CSS size x devicePixelRatio, and the fonts and
// style at the same ratio (it changes with browser zoom or a move to another
// screen).
void fit_to_screen(Runtime& rt) {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  const double ratio = emscripten_get_device_pixel_ratio();
  const int w = std::max(1, static_cast<int>(std::lround(css_w * ratio)));
  const int h = std::max(1, static_cast<int>(std::lround(css_h * ratio)));
  if (w != rt.width || h != rt.height) {
    // Set directly: Emscripten's glfwSetWindowSize asks for fullscreen when
    // the size happens to equal the screen's.
    emscripten_set_canvas_element_size(kCanvas, w, h);
    rt.width = w;
    rt.height = h;
    rt.drawn.reset();
  }
  const auto scale = static_cast<float>(ratio);
  if (scale != rt.scale) {
    rt.scale = scale;
    rt.app->set_fonts(userpool::web::load_fonts(scale));
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    userpool::web::apply_theme(scale);
    rt.drawn.reset();
  }
}

// Emscripten's GLFW hands the scroll callback the page's raw wheel deltas:
// pixels (or lines), positive downwards, where GLFW and ImGui expect wheel
// notches, positive upwards. A mouse-wheel notch arrives as about 100 pixels,
// so through GLFW one notch would jump to the other end of a page, the wrong
// way. The page's wheel events are read here instead, converted to notches.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  double per_notch = 100;  // DOM_DELTA_PIXEL, as Chromium and Safari send
  if (e->deltaMode == DOM_DELTA_LINE) per_notch = 3;  // Firefox: three lines a notch
  if (e->deltaMode == DOM_DELTA_PAGE) per_notch = 0.5;
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheel -= static_cast<float>(e->deltaY / per_notch);
  io.MouseWheelH -= static_cast<float>(e->deltaX / per_notch);
  return EM_TRUE;  // the page itself does not scroll
}

void frame(void* arg) {
  Runtime& rt = *static_cast<Runtime*>(arg);
  fit_to_screen(rt);

  // The frame's CPU time on the page's thread, for window.userpool.frameTimes():
  // ImGui's input and layout, every panel the app draws, the check for work
  // to save (and the save itself when something changed), and handing the
  // draw lists to WebGL. Left out: fit_to_screen (it works only on a resize
  // or zoom), and the drawing itself, which the browser's GPU process does
  // after the frame.
  const double started = emscripten_get_now();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // The GLFW backend reads GLFW's idea of the window size, which only
  // glfwSetWindowSize updates; the canvas is the truth.
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(rt.width), static_cast<float>(rt.height));
  io.DisplayFramebufferScale = ImVec2(1, 1);

  ImGui::NewFrame();
  rt.app->frame();
  ImGui::Render();
  userpool::web::save_work_if_changed(*rt.app, ImGui::GetTime());

  // A frame that would look like the one on the canvas is not drawn: the
  // canvas keeps its picture, and the browser has nothing to rasterize.
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  const float background[4] = {bg.x, bg.y, bg.z, 1.0f};
  const std::uint64_t fingerprint = userpool::web::frame_fingerprint(*ImGui::GetDrawData(), background);
  const bool draw = rt.drawn != fingerprint;
  if (draw) {
    glViewport(0, 0, rt.width, rt.height);
    glClearColor(background[0], background[1], background[2], background[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    rt.drawn = fingerprint;
  }
  userpool::web::record_frame_time(emscripten_get_now() - started, draw);

  if (!rt.announced_ready) {
    rt.announced_ready = true;
    shell_ready();
  }
}

}  // namespace

int main() {
  if (glfwInit() != GLFW_TRUE) {
    shell_fail("Could not start the window system (GLFW).");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);  // WebGL2
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);

  static Runtime rt;  // lives for the page's lifetime
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  rt.window = glfwCreateWindow(std::max(1, static_cast<int>(css_w)), std::max(1, static_cast<int>(css_h)),
                               "User pool sandbox", nullptr, nullptr);
  if (rt.window == nullptr) {
    shell_fail("The browser refused to create a WebGL2 context for the sandbox's window.");
    return 1;
  }
  glfwMakeContextCurrent(rt.window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the page keeps no ImGui layout file
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplGlfw_InitForOpenGL(rt.window, true);
  glfwSetScrollCallback(rt.window, nullptr);  // see on_wheel
  emscripten_set_wheel_callback(kCanvas, nullptr, EM_TRUE, on_wheel);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  rt.app = std::make_unique<userpool::web::App>(rt.door);
  userpool::web::install_js_api(rt.app->api());
  userpool::web::install_page_services(*rt.app);
  userpool::web::install_hosted_frame(*rt.app);
  emscripten_set_main_loop_arg(frame, &rt, 0, true);
  return 0;
}
