// Loads any model Assimp reads (glTF, OBJ, FBX, ...) into one flat Mesh, hierarchy baked,
// colours from material diffuse colours, axes converted so that +z is up.
#pragma once

#include <string>

#include "et/core/error.h"
#include "et/scene/mesh.h"

namespace et {

// `up` is the file's up axis, "y" or "z".
Result<Mesh> load_model(const std::string& path, const std::string& up);

}  // namespace et
