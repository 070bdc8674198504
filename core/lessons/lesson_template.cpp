// Finding templates in strings, checking them and substituting them. The
// functions themselves are in lesson_template_functions.cpp.
#include "core/lessons/lesson_template.h"

#include <optional>

namespace userpool::lessons {
namespace {

// A string cut into literal text and references.
struct Piece {
  bool is_reference = false;
  std::string text;  // literal text, or the reference without braces
};

tl::expected<std::vector<Piece>, std::string> split_templates(std::string_view text) {
  std::vector<Piece> pieces;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t open = text.find("{{", at);
    if (open == std::string_view::npos) {
      pieces.push_back({false, std::string(text.substr(at))});
      break;
    }
    if (open > at) pieces.push_back({false, std::string(text.substr(at, open - at))});
    const std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos)
      return tl::unexpected("\"{{\" without a closing \"}}\" in " + Json(std::string(text)).dump());
    pieces.push_back({true, std::string(text.substr(open + 2, close - open - 2))});
    at = close + 2;
  }
  return pieces;
}

std::string function_list() {
  std::string out;
  const auto& functions = template_functions();
  for (std::size_t i = 0; i < functions.size(); ++i) {
    if (i > 0) out += i + 1 == functions.size() ? " or " : ", ";
    out += functions[i].name;
  }
  return out;
}

std::string as_text(const Json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string member_path(std::string_view where, const std::string& key) {
  return std::string(where) + (where.empty() ? "" : ".") + key;
}

tl::expected<Json, std::string> resolve_string(const std::string& text, const LessonContext& ctx) {
  if (text.find("{{") == std::string::npos) return Json(text);
  const auto pieces = split_templates(text);
  if (!pieces) return tl::unexpected(pieces.error());  // refused at load time; kept for lessons built in code
  if (pieces->size() == 1 && (*pieces)[0].is_reference) return resolve_reference((*pieces)[0].text, ctx);
  std::string out;
  for (const Piece& piece : *pieces) {
    if (!piece.is_reference) {
      out += piece.text;
      continue;
    }
    const auto value = resolve_reference(piece.text, ctx);
    if (!value) return value;
    out += as_text(*value);
  }
  return Json(out);
}

}  // namespace

const TemplateFunction* find_template_function(std::string_view name) {
  for (const TemplateFunction& f : template_functions())
    if (f.name == name) return &f;
  return nullptr;
}

std::string check_reference(std::string_view reference) {
  const std::size_t colon = reference.find(':');
  const std::string written = "\"{{" + std::string(reference) + "}}\"";
  if (colon == std::string_view::npos)
    return "template " + written + " has no argument (write {{function:argument}}, with one of " + function_list() + ")";
  const std::string_view name = reference.substr(0, colon);
  const TemplateFunction* f = find_template_function(name);
  if (!f)
    return "unknown template function \"" + std::string(name) + "\" in " + written + " (expected " + function_list() + ")";
  const std::string problem = f->check_argument(reference.substr(colon + 1));
  if (!problem.empty()) return "template " + written + ": " + problem;
  return {};
}

tl::expected<Json, std::string> resolve_reference(std::string_view reference, const LessonContext& ctx) {
  const std::size_t colon = reference.find(':');
  const TemplateFunction* f = colon == std::string_view::npos ? nullptr : find_template_function(reference.substr(0, colon));
  if (!f) return tl::unexpected(check_reference(reference));
  return f->resolve(reference.substr(colon + 1), ctx);
}

std::string pool_named_in(const Json& value) {
  if (value.is_string()) {
    const auto pieces = split_templates(value.get_ref<const std::string&>());
    if (!pieces) return "";
    for (const Piece& piece : *pieces) {
      if (!piece.is_reference) continue;
      const std::string_view ref = piece.text;
      for (std::string_view function : {"pool:", "pool_arn:"})
        if (ref.starts_with(function)) return std::string(ref.substr(function.size()));
      if (ref.starts_with("client:")) return std::string(ref.substr(7, ref.find('/') - 7));
    }
  } else if (value.is_structured()) {
    for (const Json& member : value)
      if (std::string name = pool_named_in(member); !name.empty()) return name;
  }
  return "";
}

std::string check_templates(const Json& value, std::string_view where) {
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (text.find("{{") == std::string::npos) return {};
    const auto pieces = split_templates(text);
    std::string problem = pieces ? std::string() : pieces.error();
    if (pieces)
      for (const Piece& piece : *pieces)
        if (piece.is_reference && problem.empty()) problem = check_reference(piece.text);
    return problem.empty() ? problem : std::string(where) + ": " + problem;
  }
  if (value.is_object()) {
    for (const auto& [key, member] : value.items())
      if (std::string problem = check_templates(member, member_path(where, key)); !problem.empty()) return problem;
  }
  if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i)
      if (std::string problem = check_templates(value[i], std::string(where) + "[" + std::to_string(i + 1) + "]");
          !problem.empty())
        return problem;
  }
  return {};
}

tl::expected<Json, std::string> resolve_templates(const Json& value, const LessonContext& ctx) {
  if (value.is_string()) return resolve_string(value.get<std::string>(), ctx);
  if (value.is_object()) {
    Json out = Json::object();
    for (const auto& [key, member] : value.items()) {
      auto resolved = resolve_templates(member, ctx);
      if (!resolved) return resolved;
      out[key] = std::move(*resolved);
    }
    return out;
  }
  if (value.is_array()) {
    Json out = Json::array();
    for (const Json& element : value) {
      auto resolved = resolve_templates(element, ctx);
      if (!resolved) return resolved;
      out.push_back(std::move(*resolved));
    }
    return out;
  }
  return value;
}

}  // namespace userpool::lessons
