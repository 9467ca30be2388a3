// Unit meshes for instanced network geometry, and the transform that stretches one
// between two points.
#pragma once

#include "et/render/render_world.h"

namespace et::app {

// Pipes go open-ended (segments meet at joints and fittings; caps would double the
// triangles); shafts and standpipes get caps so that manhole covers read as discs.
render::MeshData make_cylinder(int sides, bool caps);
render::MeshData make_box();
render::MeshData make_sphere(int rings, int sectors);
render::MeshData make_pit();
// x, y from 0 to 1, z from -1 to 0: bottom and sides of the earth under the site.
render::MeshData make_soil_block();

// Maps the unit +x axis onto p0 -> p1, scaling the cross-section by sy (across, horizontal)
// and sz (the other axis, vertical for horizontal segments).
glm::mat4 segment_transform(const glm::dvec3& p0, const glm::dvec3& p1, double sy, double sz);

}  // namespace et::app
