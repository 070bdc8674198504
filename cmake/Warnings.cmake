# Warnings for the project's own targets. Third-party code (ImGui, OpenSSL,
# the header-only libraries) is compiled or included as SYSTEM so that its
# warnings do not drown ours.

function(userpool_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
    -Wcast-align -Wformat=2 -Wimplicit-fallthrough -Wunused)
  if(USERPOOL_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
