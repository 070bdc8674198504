# cmake -DOUTPUT=<file.cpp> -DLESSONS_DIR=<dir> -DFILES=<a.json,b.json> -P EmbedLessons.cmake
# Writes bundled_lesson_files() (core/lessons/bundled_lessons.h): every
# lessons/*.json as bytes, so the browser and the wasm tests carry the lessons
# with no file system. Bytes rather than a raw string literal: a lesson may
# contain any delimiter.
string(REPLACE "," ";" _files "${FILES}")
list(SORT _files)
set(_arrays "")
set(_table "")
set(_index 0)
foreach(_name IN LISTS _files)
  file(READ "${LESSONS_DIR}/${_name}" _hex HEX)
  string(LENGTH "${_hex}" _len)
  math(EXPR _size "${_len} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," _bytes "${_hex}")
  string(REGEX REPLACE "(('[^']*',){24})" "\\1\n" _bytes "${_bytes}")
  string(APPEND _arrays "const char kLesson${_index}[] = {\n${_bytes}\n};\n")
  string(APPEND _table "      {\"lessons/${_name}\", std::string(kLesson${_index}, ${_size})},\n")
  math(EXPR _index "${_index} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from lessons/*.json by cmake/EmbedLessons.cmake; do not edit.\n"
  "#include \"core/lessons/bundled_lessons.h\"\n\n"
  "namespace userpool::lessons {\nnamespace {\n${_arrays}}  // namespace\n\n"
  "std::vector<LessonFile> bundled_lesson_files() {\n  return {\n${_table}  };\n}\n\n"
  "}  // namespace userpool::lessons\n")
# Rewritten only when it changed, so an unchanged lesson set rebuilds nothing.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
