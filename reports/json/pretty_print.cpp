#include "reports/json/pretty_print.hpp"

#include <string>

#include <boost/json/serialize.hpp>

namespace referee::reports::json {
namespace {

void new_line(std::ostream& out, int indent) { out << '\n' << std::string(indent * 2, ' '); }

void print_object(std::ostream& out, const boost::json::object& object, int indent) {
  if (object.empty()) {
    out << "{}";
    return;
  }
  out << '{';
  bool first = true;
  for (const auto& member : object) {
    if (!first) out << ',';
    first = false;
    new_line(out, indent + 1);
    out << boost::json::serialize(boost::json::string(member.key())) << ": ";
    pretty_print(out, member.value(), indent + 1);
  }
  new_line(out, indent);
  out << '}';
}

void print_array(std::ostream& out, const boost::json::array& array, int indent) {
  if (array.empty()) {
    out << "[]";
    return;
  }
  out << '[';
  bool first = true;
  for (const auto& element : array) {
    if (!first) out << ',';
    first = false;
    new_line(out, indent + 1);
    pretty_print(out, element, indent + 1);
  }
  new_line(out, indent);
  out << ']';
}

}  // namespace

void pretty_print(std::ostream& out, const boost::json::value& value, int indent) {
  if (const auto* object = value.if_object()) {
    print_object(out, *object, indent);
  } else if (const auto* array = value.if_array()) {
    print_array(out, *array, indent);
  } else {
    out << boost::json::serialize(value);
  }
}

}  // namespace referee::reports::json
