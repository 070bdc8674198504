# Warnings for the project's own targets. Third-party code (ImGui, OpenSSL,
# the header-only libraries) is compiled or included as SYSTEM so that its
# warnings do not drown ours.

function(userpool_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
    -Wcast-align -Wformat=2 -Wimplicit-fallthrough -Wunused)
  # GCC 12 at -O2 warns that `"text" + std::to_string(n)` and the like
  # overflow a buffer by 2^63 bytes, or read past one (-Wstringop-overflow,
  # -Wstringop-overread, -Warray-bounds,
  # -Wrestrict): false positives of its flow analysis
  # inside libstdc++'s std::string (the optimised "release" build only).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE $<$<CONFIG:Release>:-Wno-stringop-overflow -Wno-stringop-overread -Wno-array-bounds -Wno-restrict>)
  endif()
  if(USERPOOL_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
