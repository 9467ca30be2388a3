# Dear ImGui 1.86 comes from Debian's libimgui-dev: the core as libimgui.a, and the
# platform/renderer backends only as sources under its doc folder. We compile the two
# backends we need here, from where the package installs them; nothing is copied.
find_path(IMGUI_INCLUDE_DIR imgui.h PATH_SUFFIXES imgui REQUIRED)
find_library(IMGUI_LIBRARY imgui REQUIRED)
# Debian builds libimgui.a against libstb (rect packing and font rasterising).
find_library(STB_LIBRARY stb REQUIRED)
set(IMGUI_BACKEND_DIR /usr/share/doc/libimgui-dev/examples/backends
    CACHE PATH "Where libimgui-dev installs the backend sources")
foreach(src imgui_impl_glfw.cpp imgui_impl_vulkan.cpp)
  if(NOT EXISTS ${IMGUI_BACKEND_DIR}/${src})
    message(FATAL_ERROR "ImGui backend ${IMGUI_BACKEND_DIR}/${src} not found: install libimgui-dev")
  endif()
endforeach()
add_library(imgui_backends STATIC ${IMGUI_BACKEND_DIR}/imgui_impl_glfw.cpp
                                  ${IMGUI_BACKEND_DIR}/imgui_impl_vulkan.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC ${IMGUI_INCLUDE_DIR}
                                                        ${IMGUI_INCLUDE_DIR}/backends)
target_link_libraries(imgui_backends PUBLIC ${IMGUI_LIBRARY} ${STB_LIBRARY} Vulkan::Vulkan glfw)
target_compile_options(imgui_backends PRIVATE -w)
