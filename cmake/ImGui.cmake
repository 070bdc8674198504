# Dear ImGui, compiled from Debian's source package (scripts/setup unpacks it).
#   imgui               the core, no backend (both presets: the native UI
#                       tests run it headlessly)
#   imgui_glfw_opengl3  its GLFW + OpenGL3 backends for the page (web only)
#
# Every file that includes imgui.h, ImGui's own included, sees
# web/shell/imgui_config.h: asserts always on, and the item hooks that
# web/shell/widget_registry.h records.
set(IMGUI_DIR ${USERPOOL_DEPS_DIR}/imgui/current)
userpool_require_dep(${IMGUI_DIR}/imgui.cpp "Dear ImGui's source")
set(_imgui_defs
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  "IMGUI_USER_CONFIG=\"${PROJECT_SOURCE_DIR}/web/shell/imgui_config.h\"")

# Our side of the hooks. ImGui's objects call into it, so its objects go
# into the imgui archive itself rather than a library linked after it.
add_library(userpool_imgui_hooks OBJECT
  ${PROJECT_SOURCE_DIR}/web/shell/imgui_hooks.cpp ${PROJECT_SOURCE_DIR}/web/shell/widget_registry.cpp)
target_include_directories(userpool_imgui_hooks PRIVATE ${PROJECT_SOURCE_DIR})
target_include_directories(userpool_imgui_hooks SYSTEM PRIVATE ${IMGUI_DIR})
target_compile_definitions(userpool_imgui_hooks PRIVATE ${_imgui_defs})
userpool_warnings(userpool_imgui_hooks)

add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp
  ${IMGUI_DIR}/imgui_tables.cpp ${IMGUI_DIR}/imgui_widgets.cpp
  ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp  # InputText on std::string
  $<TARGET_OBJECTS:userpool_imgui_hooks>)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/misc/cpp)
target_compile_definitions(imgui PUBLIC ${_imgui_defs})
# Third-party code: its warnings (C++20 enum arithmetic) are not ours to fix.
target_compile_options(imgui PRIVATE -w)

if(EMSCRIPTEN)
  add_library(imgui_glfw_opengl3 STATIC
    ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
  target_include_directories(imgui_glfw_opengl3 SYSTEM PUBLIC ${IMGUI_DIR}/backends)
  target_link_libraries(imgui_glfw_opengl3 PUBLIC imgui)
  target_compile_options(imgui_glfw_opengl3 PRIVATE -w)
  # Compiled apart: in one unit, GLFW's headers bring in desktop GL first
  # and the OpenGL 3 backend then calls glPolygonMode, which WebGL lacks.
  set_target_properties(imgui_glfw_opengl3 PROPERTIES UNITY_BUILD OFF)
  # Emscripten's built-in JS GLFW 3 (no download needed).
  target_link_options(imgui_glfw_opengl3 PUBLIC -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2)
endif()
