// The small utility structures the coordination meeting talks about: the pump house of the
// secondary water supply, the estate's box substation, the gas regulator cabinet and the
// telecom cabinets. Each is a plain box with just enough surface detail (doors, louvres,
// labels in the colours the utilities actually paint them) to be recognised on screen.
#include "models.h"

namespace et::gen {

namespace {

// Plinth, body and an overhanging cap: the shape shared by every street cabinet.
void cabinet_body(MeshBuilder& mesh, double hx, double hy, double plinth_h, double body_h,
                  double cap_h, double cap_over) {
  mesh.use_material("plinth");
  mesh.box({-hx - 0.05, -hy - 0.05, 0.0}, {hx + 0.05, hy + 0.05, plinth_h}, kSides | kZPlus);
  mesh.use_material("body");
  mesh.box({-hx, -hy, plinth_h}, {hx, hy, body_h}, kSides);
  mesh.use_material("cap");
  mesh.box({-hx - cap_over, -hy - cap_over, body_h}, {hx + cap_over, hy + cap_over, cap_h});
}

void define_cabinet_materials(MeshBuilder& mesh, const Vec3& body, const Vec3& label) {
  mesh.define_material("plinth", {0.62, 0.61, 0.58});
  mesh.define_material("body", body);
  mesh.define_material("panel", body * 0.93);
  mesh.define_material("cap", body * 0.84);
  mesh.define_material("louvre", {0.36, 0.38, 0.38});
  mesh.define_material("label", label);
}

}  // namespace

UtilityModel pump_house_info() { return {"pump_house", 10.0, 8.0, 4.0}; }

MeshBuilder build_pump_house() {
  MeshBuilder mesh;
  mesh.define_material("wall", {0.86, 0.84, 0.78});
  mesh.define_material("plinth", {0.48, 0.46, 0.43});
  mesh.define_material("band", {0.91, 0.90, 0.87});
  mesh.define_material("frame", {0.88, 0.89, 0.88});
  mesh.define_material("glass", {0.17, 0.22, 0.27});
  mesh.define_material("door", {0.32, 0.42, 0.52});
  mesh.define_material("louvre", {0.42, 0.44, 0.45});
  mesh.define_material("canopy", {0.70, 0.70, 0.68});
  mesh.define_material("roof", {0.35, 0.35, 0.36});
  mesh.define_material("coping", {0.72, 0.72, 0.70});
  mesh.define_material("sign", {0.12, 0.32, 0.62});
  const double hx = 5.0, hy = 4.0, H = 3.7, top = 4.0, t = 0.2;

  mesh.use_material("wall");
  mesh.box({-hx, -hy, 0.0}, {hx, hy, top}, kSides);
  mesh.box({-hx + t, -hy + t, H}, {hx - t, hy - t, top}, kSides, true);
  mesh.use_material("plinth");
  mesh.box({-hx - 0.05, -hy - 0.05, 0.0}, {hx + 0.05, hy + 0.05, 0.45}, kSides);
  mesh.ring({hx, hy}, {hx + 0.05, hy + 0.05}, 0.45, true);
  mesh.use_material("roof");
  mesh.quad({-hx + t, -hy + t, H}, {hx - t, -hy + t, H}, {hx - t, hy - t, H}, {-hx + t, hy - t, H});
  mesh.use_material("coping");
  mesh.ring({hx - t, hy - t}, {hx, hy}, top, true);
  mesh.box({-4.0, -3.0, H}, {-3.0, -2.0, 4.1}, kSides | kZPlus);  // roof hatch

  // North: the double steel door to the tank and pump room, its canopy and the blue
  // "secondary water supply" plate; the plant room has only high windows.
  const Facade north = north_facade(hy), south = south_facade(hy);
  mesh.use_material("frame");
  facade_rect(mesh, north, 0.3, 2.7, 0.0, 2.8, 0.02);
  mesh.use_material("door");
  facade_rect(mesh, north, 0.4, 2.6, 0.0, 2.7, 0.04);
  mesh.use_material("louvre");
  facade_rect(mesh, north, 1.47, 1.53, 0.0, 2.7, 0.05);
  mesh.use_material("canopy");
  facade_box(mesh, north, 0.0, 3.0, 2.95, 3.1, 0.0, 1.2, kOut | kLeft | kRight | kTop | kBottom);
  mesh.use_material("sign");
  facade_rect(mesh, north, -1.6, -0.6, 1.6, 2.2, 0.02);
  add_window(mesh, north, -3.2, 1.5, 2.2, 1.0);
  for (double s : {-3.0, 0.0, 3.0}) add_window(mesh, south, s, 1.5, 2.2, 1.0);
  for (const Facade& f : {east_facade(hx), west_facade(hx)}) {
    mesh.use_material("frame");
    facade_rect(mesh, f, -0.6, 0.6, 2.3, 3.3, 0.02);
    mesh.use_material("louvre");
    facade_rect(mesh, f, -0.5, 0.5, 2.4, 3.2, 0.04);
  }
  return mesh;
}

UtilityModel transformer_info() { return {"transformer_box", 3.0, 2.0, 2.5}; }

MeshBuilder build_transformer() {
  MeshBuilder mesh;
  define_cabinet_materials(mesh, {0.60, 0.67, 0.60}, {0.95, 0.80, 0.10});
  cabinet_body(mesh, 1.5, 1.0, 0.3, 2.3, 2.5, 0.1);
  // Three doors a side (high-voltage, transformer, low-voltage), each with a vent on top.
  for (const Facade& f : {south_facade(1.0), north_facade(1.0)}) {
    for (double s : {-1.0, 0.0, 1.0}) {
      mesh.use_material("panel");
      facade_rect(mesh, f, s - 0.43, s + 0.43, 0.45, 2.15, 0.01);
      mesh.use_material("louvre");
      facade_rect(mesh, f, s - 0.3, s + 0.3, 1.8, 2.05, 0.02);
    }
    mesh.use_material("label");
    facade_rect(mesh, f, -0.15, 0.15, 1.3, 1.6, 0.02);
  }
  mesh.use_material("louvre");
  for (const Facade& f : {east_facade(1.5), west_facade(1.5)}) {
    facade_rect(mesh, f, -0.5, 0.5, 1.2, 2.0, 0.01);
  }
  return mesh;
}

UtilityModel gas_regulator_info() { return {"gas_regulator", 1.5, 1.0, 1.8}; }

MeshBuilder build_gas_regulator() {
  MeshBuilder mesh;
  define_cabinet_materials(mesh, {0.93, 0.75, 0.16}, {0.80, 0.15, 0.12});
  cabinet_body(mesh, 0.75, 0.5, 0.2, 1.7, 1.8, 0.05);
  const Facade south = south_facade(0.5);
  mesh.use_material("panel");
  facade_rect(mesh, south, -0.7, -0.02, 0.3, 1.6, 0.01);
  facade_rect(mesh, south, 0.02, 0.7, 0.3, 1.6, 0.01);
  mesh.use_material("louvre");
  facade_rect(mesh, south, -0.12, -0.06, 0.85, 1.05, 0.02);  // handles
  facade_rect(mesh, south, 0.06, 0.12, 0.85, 1.05, 0.02);
  mesh.use_material("label");
  facade_rect(mesh, south, -0.5, -0.2, 1.35, 1.5, 0.02);
  mesh.use_material("louvre");
  for (const Facade& f : {east_facade(0.75), west_facade(0.75)}) {
    facade_rect(mesh, f, -0.3, 0.3, 1.2, 1.5, 0.01);
  }
  // Inlet and outlet risers coming up out of the ground on either end.
  mesh.use_material("body");
  mesh.box({0.75, -0.06, 0.0}, {0.87, 0.06, 1.0}, kXPlus | kYMinus | kYPlus | kZPlus);
  mesh.box({-0.87, -0.06, 0.0}, {-0.75, 0.06, 1.0}, kXMinus | kYMinus | kYPlus | kZPlus);
  return mesh;
}

UtilityModel telecom_cabinet_info() { return {"telecom_cabinet", 1.0, 0.5, 1.5}; }

MeshBuilder build_telecom_cabinet() {
  MeshBuilder mesh;
  define_cabinet_materials(mesh, {0.80, 0.81, 0.80}, {0.15, 0.55, 0.30});
  cabinet_body(mesh, 0.5, 0.25, 0.15, 1.45, 1.5, 0.03);
  const Facade south = south_facade(0.25), north = north_facade(0.25);
  for (double s0 : {-0.46, 0.01}) {
    mesh.use_material("panel");
    facade_rect(mesh, south, s0, s0 + 0.45, 0.25, 1.38, 0.01);
    mesh.use_material("louvre");
    facade_rect(mesh, south, s0 + 0.08, s0 + 0.37, 0.3, 0.45, 0.02);
  }
  mesh.use_material("label");
  facade_rect(mesh, south, 0.1, 0.35, 1.15, 1.3, 0.02);
  mesh.use_material("panel");
  facade_rect(mesh, north, -0.46, 0.46, 0.25, 1.38, 0.01);
  return mesh;
}

}  // namespace et::gen
