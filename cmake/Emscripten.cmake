# Settings for the wasm build (Debian's Emscripten 3.1.6).

# C++ exceptions are caught by the engine (bad JSON, bad input) and by Catch2.
# Debian ships only the JS-based exception runtime (libc++-except), not the
# wasm-native one, so -fexceptions it is, on every file and at link.
add_compile_options(-fexceptions)
add_link_options(-fexceptions -sALLOW_MEMORY_GROWTH=1)

# Programs that run under node (unit tests, benchmarks, the command line).
# Node 18+ has a global fetch, which makes 3.1.6's loader try to fetch the
# .wasm by URL and fail; --no-experimental-fetch makes it read the file.
set(USERPOOL_NODE node --no-experimental-fetch --stack-size=4000)
set(CMAKE_CROSSCOMPILING_EMULATOR ${USERPOOL_NODE})

function(userpool_node_program target)
  # NODERAWFS: the program sees the real file system (state files, lessons);
  # EXIT_RUNTIME: its exit code reaches the shell and CTest.
  target_link_options(${target} PRIVATE
    -sENVIRONMENT=node -sNODERAWFS=1 -sEXIT_RUNTIME=1)
  set_target_properties(${target} PROPERTIES CROSSCOMPILING_EMULATOR "${USERPOOL_NODE}")
endfunction()
