# Compile GLSL to SPIR-V at build time, one custom command per shader, each depending
# on the shared headers so that a layout change rebuilds every shader that sees it.
# glslc writes the SPIR-V as a C initializer list (-mfmt=c) that render/ includes, so the
# executable carries its shaders and runs from any folder. Nothing here is committed.
function(estatetwin_shaders target out_dir)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  set(outputs)
  foreach(src ${ARG_SOURCES})
    get_filename_component(name ${src} NAME)
    set(out ${out_dir}/${name}.spv.inc)
    add_custom_command(
      OUTPUT ${out}
      COMMAND ${GLSLC} --target-env=vulkan1.1 -O -mfmt=c -I ${CMAKE_SOURCE_DIR}/shaders
              -o ${out} ${CMAKE_CURRENT_SOURCE_DIR}/${src}
      DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${src} ${ARG_DEPENDS}
      COMMENT "glslc ${name}"
      VERBATIM)
    list(APPEND outputs ${out})
  endforeach()
  add_custom_target(${target} ALL DEPENDS ${outputs})
endfunction()
