# Every compile goes through ccache when it is installed (scripts/setup
# installs it). Its cache lives beside the other third-party builds, outside
# the checkout, so a rebuild, CI on the same machine and a second checkout
# all reuse objects; paths under the checkout are hashed relative to it.
#
# The sloppiness is what precompiled headers need: without it ccache would
# compile every file that uses one instead of caching it.
option(USERPOOL_CCACHE "Compile through ccache when it is installed" ON)
find_program(USERPOOL_CCACHE_PROGRAM ccache)
if(USERPOOL_CCACHE AND USERPOOL_CCACHE_PROGRAM)
  set(_launcher ${CMAKE_COMMAND} -E env
    CCACHE_DIR=${USERPOOL_DEPS_DIR}/ccache
    CCACHE_BASEDIR=${PROJECT_SOURCE_DIR}
    CCACHE_MAXSIZE=4G
    CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
    ${USERPOOL_CCACHE_PROGRAM})
  set(CMAKE_C_COMPILER_LAUNCHER ${_launcher})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${_launcher})
endif()
