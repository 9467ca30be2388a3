#include "et/core/error.h"

namespace et {

Error make_error(const std::string& file, const std::string& place, const std::string& what) {
  std::string m;
  m.reserve(file.size() + place.size() + what.size() + 4);
  m.append(file);
  if (!place.empty()) m.append(": ").append(place);
  m.append(": ").append(what);
  return Error{m};
}

}  // namespace et
