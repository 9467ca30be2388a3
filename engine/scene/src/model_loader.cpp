#include "et/scene/model_loader.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

namespace et {
namespace {

std::uint8_t to_byte(float v) {
  return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
}

std::uint32_t material_color(const aiMaterial* mat) {
  aiColor4D c(0.8f, 0.8f, 0.8f, 1.0f);
  if (mat) {
    if (aiGetMaterialColor(mat, AI_MATKEY_BASE_COLOR, &c) != AI_SUCCESS)
      aiGetMaterialColor(mat, AI_MATKEY_COLOR_DIFFUSE, &c);
    float opacity = 1.0f;
    if (aiGetMaterialFloat(mat, AI_MATKEY_OPACITY, &opacity) == AI_SUCCESS) c.a *= opacity;
  }
  return pack_rgba(to_byte(c.r), to_byte(c.g), to_byte(c.b), to_byte(c.a));
}

}  // namespace

Result<Mesh> load_model(const std::string& path, const std::string& up) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return make_error(path, "", "model file not found");
  Assimp::Importer importer;
  // PreTransformVertices bakes the node hierarchy: a model is drawn as one mesh, and
  // instances carry the placement. GenNormals gives flat normals where a file has none.
  const aiScene* ai = importer.ReadFile(
      path, aiProcess_Triangulate | aiProcess_GenNormals | aiProcess_PreTransformVertices |
                aiProcess_JoinIdenticalVertices | aiProcess_SortByPType);
  if (!ai || !ai->mRootNode || (ai->mFlags & AI_SCENE_FLAGS_INCOMPLETE))
    return make_error(path, "", std::string("Assimp cannot read this model: ") +
                                    importer.GetErrorString());
  Mesh out;
  for (unsigned mi = 0; mi < ai->mNumMeshes; ++mi) {
    const aiMesh* m = ai->mMeshes[mi];
    if (!(m->mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;  // skip points/lines
    const std::uint32_t base = static_cast<std::uint32_t>(out.positions.size());
    const std::uint32_t color = material_color(ai->mMaterials[m->mMaterialIndex]);
    for (unsigned v = 0; v < m->mNumVertices; ++v) {
      aiVector3D p = m->mVertices[v];
      aiVector3D n = m->mNormals ? m->mNormals[v] : aiVector3D(0, 0, 1);
      // y-up files: (x, y, z) -> (x, -z, y) keeps the handedness and puts +y to +z.
      glm::vec3 pos = up == "y" ? glm::vec3(p.x, -p.z, p.y) : glm::vec3(p.x, p.y, p.z);
      glm::vec3 nor = up == "y" ? glm::vec3(n.x, -n.z, n.y) : glm::vec3(n.x, n.y, n.z);
      if (!std::isfinite(pos.x) || !std::isfinite(pos.y) || !std::isfinite(pos.z))
        return make_error(path, "mesh " + std::to_string(mi) + " vertex " + std::to_string(v),
                          "expected finite coordinates");
      out.positions.push_back(pos);
      out.normals.push_back(nor);
      std::uint32_t c = color;
      if (m->HasVertexColors(0)) {
        const aiColor4D& vc = m->mColors[0][v];
        c = pack_rgba(to_byte(vc.r), to_byte(vc.g), to_byte(vc.b), to_byte(vc.a));
      }
      out.colors.push_back(c);
    }
    for (unsigned f = 0; f < m->mNumFaces; ++f) {
      const aiFace& face = m->mFaces[f];
      if (face.mNumIndices != 3) continue;
      for (int k = 0; k < 3; ++k) out.indices.push_back(base + face.mIndices[k]);
    }
  }
  if (out.indices.empty()) return make_error(path, "", "model has no triangles");
  out.bounds_min = out.bounds_max = out.positions[0];
  for (const glm::vec3& p : out.positions) {
    out.bounds_min = glm::min(out.bounds_min, p);
    out.bounds_max = glm::max(out.bounds_max, p);
  }
  return out;
}

}  // namespace et
