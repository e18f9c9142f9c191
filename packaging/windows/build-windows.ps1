<#
.SYNOPSIS
  Builds the Outpost app for Windows and its installer (outpost-<version>-setup.exe).

.DESCRIPTION
  Run in a "x64 Native Tools Command Prompt for VS 2022" PowerShell, with
    - Qt 6.4 for MSVC 2019/2022 64-bit (e.g. C:\Qt\6.4.2\msvc2019_64), incl. Qt SVG and Qt Tools,
    - QtKeychain built against that Qt (its bin\qt6keychain.dll is copied next to outpost.exe),
    - CMake >= 3.25 and Ninja, NSIS 3 (makensis.exe).
  Steps:
    1. configure and build the app only (the service is not shipped on Windows);
    2. stage outpost.exe and outpost-desktop.dll into build-win\stage;
    3. windeployqt copies the Qt DLLs, plugins (platforms\qwindows.dll, sqldrivers\qsqlite.dll,
       imageformats\qsvg.dll, styles, tls) and the MSVC runtime installer next to it;
    4. makensis compiles packaging\windows\outpost.nsi over the staged tree.

.EXAMPLE
  .\packaging\windows\build-windows.ps1 -QtDir C:\Qt\6.4.2\msvc2019_64 -KeychainDir C:\deps\qtkeychain
#>
param(
  [Parameter(Mandatory = $true)] [string] $QtDir,
  [Parameter(Mandatory = $true)] [string] $KeychainDir,
  [string] $BuildDir = "build-win",
  [string] $Makensis = "C:\Program Files (x86)\NSIS\makensis.exe"
)
$ErrorActionPreference = "Stop"
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
$stage = Join-Path $BuildDir "stage"

# The version comes from the top-level project() call.
$version = (Select-String -Path (Join-Path $root "CMakeLists.txt") `
            -Pattern 'project\(Outpost VERSION ([0-9.]+)').Matches[0].Groups[1].Value

# 1. Configure and build the app (Release, no tests).
cmake -S $root -B $BuildDir -G Ninja -DCMAKE_BUILD_TYPE=Release `
      -DCMAKE_PREFIX_PATH="$QtDir;$KeychainDir" -DOUTPOST_BUILD_TESTS=OFF -DOUTPOST_BUILD_SERVER=OFF
if ($LASTEXITCODE) { throw "cmake configure failed" }
cmake --build $BuildDir --target outpost
if ($LASTEXITCODE) { throw "build failed" }

# 2. Stage the executable and the non-Qt DLLs it links.
Remove-Item -Recurse -Force $stage -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force $stage | Out-Null
Copy-Item (Join-Path $BuildDir "app\outpost.exe") $stage
# The desktop app's module (outpost.exe runs the headless commands itself and loads it for a window).
Copy-Item (Join-Path $BuildDir "app\outpost-desktop.dll") $stage
Copy-Item (Join-Path $KeychainDir "bin\qt6keychain.dll") $stage

# 3. windeployqt: Qt DLLs and plugins next to outpost.exe. Translations are embedded in the app
#    (qt_add_translations), so Qt's own .qm files are left out; --compiler-runtime adds
#    vc_redist.x64.exe, which the installer does not run: install it once per machine beforehand
#    (or drop the flag when the runtime is deployed by other means).
& (Join-Path $QtDir "bin\windeployqt.exe") --release --no-translations --no-system-d3d-compiler `
    --no-opengl-sw --compiler-runtime (Join-Path $stage "outpost.exe") (Join-Path $stage "outpost-desktop.dll")
if ($LASTEXITCODE) { throw "windeployqt failed" }

# 4. The installer.
$out = Join-Path (Resolve-Path $BuildDir) "outpost-$version-setup.exe"
& $Makensis /WX "/DSTAGE_DIR=$(Resolve-Path $stage)" "/DVERSION=$version" "/DOUTFILE=$out" `
    (Join-Path $root "packaging\windows\outpost.nsi")
if ($LASTEXITCODE) { throw "makensis failed" }
Write-Host "installer: $out"
Write-Host "silent install: outpost-$version-setup.exe /S [/KIOSK] [/KIOSKUSER=NAME]"
