// Reading a step's Diagram: boxes on a small grid and the arrows between
// them. Every rule a drawing needs (a box to start and end each arrow, one
// box per cell) is checked here, so the panel can draw without doubts.
#include <algorithm>

#include "core/lessons/lesson_reader.h"

namespace userpool::lessons::reader {
namespace {

int cell(const Json& box, const char* name, const std::string& where) {
  const auto it = box.find(name);
  if (it == box.end()) fail(where, std::string("missing \"") + name + "\"");
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() >= Diagram::kCells)
    fail(where, std::string("\"") + name + "\" must be 0, 1 or 2");
  return static_cast<int>(it->get<std::int64_t>());
}

}  // namespace

Diagram read_diagram(const Json& value, const std::string& where) {
  if (!value.is_object()) fail(where, "must be an object, not " + json_kind(value));
  only_members(value, where, {"Boxes", "Arrows"});
  Diagram d;
  const Json* boxes = array_member(value, "Boxes", where, true, 1, "box");
  for (std::size_t i = 0; i < boxes->size(); ++i) {
    const std::string box_where = at(where, item("Boxes", i));
    const Json& b = (*boxes)[i];
    if (!b.is_object()) fail(box_where, "must be an object, not " + json_kind(b));
    only_members(b, box_where, {"Id", "Label", "Note", "Column", "Row"});
    Diagram::Box box;
    box.id = required_text(b, "Id", box_where);
    box.label = required_text(b, "Label", box_where);
    box.note = optional_text(b, "Note", box_where);
    box.column = cell(b, "Column", box_where);
    box.row = cell(b, "Row", box_where);
    for (const auto& other : d.boxes) {
      if (other.id == box.id) fail(box_where, "the Id \"" + box.id + "\" is used twice");
      if (other.column == box.column && other.row == box.row)
        fail(box_where, "box \"" + other.id + "\" is already in that Column and Row");
    }
    d.boxes.push_back(std::move(box));
  }
  const Json* arrows = array_member(value, "Arrows", where, false, 0, "arrow");
  for (std::size_t i = 0; arrows != nullptr && i < arrows->size(); ++i) {
    const std::string arrow_where = at(where, item("Arrows", i));
    const Json& a = (*arrows)[i];
    if (!a.is_object()) fail(arrow_where, "must be an object, not " + json_kind(a));
    only_members(a, arrow_where, {"From", "To", "Label"});
    Diagram::Arrow arrow{required_text(a, "From", arrow_where), required_text(a, "To", arrow_where),
                         required_text(a, "Label", arrow_where)};
    for (const std::string* end : {&arrow.from, &arrow.to})
      if (std::none_of(d.boxes.begin(), d.boxes.end(), [&](const Diagram::Box& b) { return b.id == *end; }))
        fail(arrow_where, "no box has the Id \"" + *end + "\"");
    if (arrow.from == arrow.to) fail(arrow_where, "an arrow needs two different boxes");
    d.arrows.push_back(std::move(arrow));
  }
  return d;
}

}  // namespace userpool::lessons::reader
