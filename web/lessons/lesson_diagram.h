// A lesson step's diagram (lessons::Diagram): boxes on a small grid, joined
// by numbered arrows, and a legend that says what each arrow carries. The
// numbers keep the picture readable in the narrow lesson column, where a
// sentence along an arrow would not fit.
#pragma once

#include "core/lessons/lesson.h"

namespace userpool::web {

// Draws the diagram at the cursor, as wide as the space left, and names it
// "lesson.diagram" for tests.
void draw_diagram(const lessons::Diagram& diagram);

}  // namespace userpool::web
