# Third-party libraries, as targets:
#   userpool::third_party_headers  nlohmann/json, Catch2, tl::expected
#   OpenSSL::Crypto                the system's libcrypto natively; for wasm the
#                                  libcrypto.a that scripts/setup built
#   imgui, imgui_glfw_opengl3      Dear ImGui (see cmake/ImGui.cmake)
#   pugixml, zlib                  for SAML: XML, and the HTTP-Redirect binding's deflate
#
# scripts/setup keeps the slow pieces in a cache outside the checkout;
# USERPOOL_DEPS_DIR points there (the same default as the scripts use).

if(DEFINED ENV{USERPOOL_CACHE})
  set(_deps_default "$ENV{USERPOOL_CACHE}")
elseif(DEFINED ENV{XDG_CACHE_HOME})
  set(_deps_default "$ENV{XDG_CACHE_HOME}/userpool-sandbox")
else()
  set(_deps_default "$ENV{HOME}/.cache/userpool-sandbox")
endif()
set(USERPOOL_DEPS_DIR "${_deps_default}" CACHE PATH "Where scripts/setup keeps third-party builds")

function(userpool_require_dep path what)
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "${what} is missing (${path}). Run scripts/setup first.")
  endif()
endfunction()

# Header-only libraries: nlohmann/json, Catch2, tl::expected. Emscripten's
# sysroot must not see /usr/include (it would pull in glibc's headers), so
# both builds see only these folders, through symlinks in the build tree.
set(_hdr_dir ${CMAKE_BINARY_DIR}/third_party/include)
file(MAKE_DIRECTORY ${_hdr_dir})
foreach(_lib nlohmann catch2 tl)
  userpool_require_dep(/usr/include/${_lib} "The headers of ${_lib}")
  file(CREATE_LINK /usr/include/${_lib} ${_hdr_dir}/${_lib} SYMBOLIC)
endforeach()
add_library(userpool_third_party_headers INTERFACE)
add_library(userpool::third_party_headers ALIAS userpool_third_party_headers)
target_include_directories(userpool_third_party_headers SYSTEM INTERFACE ${_hdr_dir})

# OpenSSL's libcrypto (no libssl: a sandbox in a page speaks no TLS).
if(EMSCRIPTEN)
  set(_ossl ${USERPOOL_DEPS_DIR}/openssl-wasm/current)
  userpool_require_dep(${_ossl}/lib/libcrypto.a "OpenSSL libcrypto for wasm")
  add_library(OpenSSL::Crypto STATIC IMPORTED GLOBAL)
  set_target_properties(OpenSSL::Crypto PROPERTIES IMPORTED_LOCATION ${_ossl}/lib/libcrypto.a)
  target_include_directories(OpenSSL::Crypto SYSTEM INTERFACE ${_ossl}/include)
else()
  find_package(OpenSSL 3.0 REQUIRED COMPONENTS Crypto)
  # cpp-httplib (Debian's libcpp-httplib-dev) for the endpoint, userpool
  # serve, and the benchmark's HTTP client. Debian builds it as a library;
  # its flags come from its pkg-config file.
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(CPP_HTTPLIB REQUIRED IMPORTED_TARGET GLOBAL cpp-httplib)
  find_package(Threads REQUIRED)
endif()

# pugixml, compiled from Debian's source package (scripts/setup unpacks it)
# into both builds. Without XPath, which the SAML code does not use.
set(PUGIXML_DIR ${USERPOOL_DEPS_DIR}/pugixml/current/src)
userpool_require_dep(${PUGIXML_DIR}/pugixml.cpp "pugixml's source")
add_library(pugixml STATIC ${PUGIXML_DIR}/pugixml.cpp)
target_include_directories(pugixml SYSTEM PUBLIC ${PUGIXML_DIR})
target_compile_definitions(pugixml PUBLIC PUGIXML_NO_XPATH)
target_compile_options(pugixml PRIVATE -w)

# zlib, likewise: its deflate and inflate, without the gz file functions.
set(ZLIB_DIR ${USERPOOL_DEPS_DIR}/zlib/current)
userpool_require_dep(${ZLIB_DIR}/inflate.c "zlib's source")
add_library(userpool_zlib STATIC
  ${ZLIB_DIR}/adler32.c ${ZLIB_DIR}/crc32.c ${ZLIB_DIR}/deflate.c ${ZLIB_DIR}/inffast.c
  ${ZLIB_DIR}/inflate.c ${ZLIB_DIR}/inftrees.c ${ZLIB_DIR}/trees.c ${ZLIB_DIR}/zutil.c)
target_include_directories(userpool_zlib SYSTEM PUBLIC ${ZLIB_DIR})
target_compile_options(userpool_zlib PRIVATE -w)
# zlib's files share names in their static scopes: one unit each.
set_target_properties(userpool_zlib pugixml PROPERTIES UNITY_BUILD OFF)

include(ImGui)
