# userpool_embed_font(<target> <symbol> <ttf>): subsets a TrueType font to the
# characters the app draws (Latin-1, punctuation, a few symbols) and compiles
# it into <target>. Subsetting keeps each font near 20 KB instead of 500 KB.
set(USERPOOL_FONT_UNICODES
  "U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030-203A,U+2190-2199,U+2212,U+2713,U+2717,U+25B2-25BC,U+26A0,U+2022")

find_program(USERPOOL_SYSTEM_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)

function(userpool_embed_font target symbol ttf)
  userpool_require_dep(${ttf} "Font ${ttf}")
  set(_dir ${CMAKE_CURRENT_BINARY_DIR}/fonts)
  set(_subset ${_dir}/${symbol}.ttf)
  set(_cpp ${_dir}/${symbol}.cpp)
  add_custom_command(
    OUTPUT ${_subset}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${_dir}
    COMMAND ${USERPOOL_SYSTEM_PYTHON} -m fontTools.subset ${ttf}
            --unicodes=${USERPOOL_FONT_UNICODES} --no-hinting --desubroutinize --drop-tables+=FFTM
            --output-file=${_subset}
    DEPENDS ${ttf}
    COMMENT "Subsetting font ${symbol}"
    VERBATIM)
  add_custom_command(
    OUTPUT ${_cpp}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${_subset} -DOUTPUT=${_cpp} -DSYMBOL=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake
    DEPENDS ${_subset} ${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake
    VERBATIM)
  target_sources(${target} PRIVATE ${_cpp})
endfunction()
