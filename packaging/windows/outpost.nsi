; Outpost for Windows: per-machine installer (NSIS 3).
;
; Built by build-windows.ps1 from a tree staged with windeployqt:
;   makensis /DSTAGE_DIR=C:\path\to\stage /DVERSION=0.1.0 /DOUTFILE=outpost-0.1.0-setup.exe outpost.nsi
; STAGE_DIR holds outpost.exe, the Qt DLLs and plugin folders windeployqt copied next to it.
;
; Silent install: outpost-setup.exe /S [/KIOSK] [/KIOSKUSER=NAME] [/D=C:\Program Files\Outpost]
;   /KIOSK            also set up kiosk mode (outpost --kiosk starts at logon)
;   /KIOSKUSER=NAME   ... only for this user (default: all users)

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel admin
ManifestDPIAware true

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef STAGE_DIR
  !error "define STAGE_DIR: the folder windeployqt filled (makensis /DSTAGE_DIR=...)"
!endif
!ifndef OUTFILE
  !define OUTFILE "outpost-${VERSION}-setup.exe"
!endif

!define APP_NAME "Outpost"
!define APP_EXE "outpost.exe"
!define PUBLISHER "Outpost maintainers"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Outpost"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
!define KIOSK_VALUE "OutpostKiosk"
!define KIOSK_TASK "Outpost Kiosk"

!include "MUI2.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "nsDialogs.nsh"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP_NAME}"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP_NAME} installer"
VIAddVersionKey "LegalCopyright" "${PUBLISHER}"

Var KioskUser        ; empty = all users
Var KioskAllRadio
Var KioskUserRadio
Var KioskUserField

!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_SMALLDESC
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
Page custom KioskPageShow KioskPageLeave
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "German"
!insertmacro MUI_LANGUAGE "French"

Section "!${APP_NAME}" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${STAGE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  ; Add/Remove Programs
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

; Kiosk mode: outpost --kiosk starts at logon, for every user (HKLM Run key) or for one user
; (a scheduled task triggered at that user's logon).
Section /o "Kiosk mode" SecKiosk
  ${If} $KioskUser == ""
    WriteRegStr HKLM "${RUN_KEY}" "${KIOSK_VALUE}" '"$INSTDIR\${APP_EXE}" --kiosk'
    DetailPrint "Kiosk mode: ${APP_NAME} starts full screen at every user's logon"
  ${Else}
    nsExec::ExecToLog 'schtasks.exe /Create /F /TN "${KIOSK_TASK}" /SC ONLOGON /RU "$KioskUser" /IT /RL LIMITED /TR "\"$INSTDIR\${APP_EXE}\" --kiosk"'
    Pop $0
    ${If} $0 != 0
      MessageBox MB_OK|MB_ICONEXCLAMATION "Kiosk mode could not be set up for $KioskUser (schtasks error $0)." /SD IDOK
    ${Else}
      DetailPrint "Kiosk mode: ${APP_NAME} starts full screen when $KioskUser logs on"
    ${EndIf}
  ${EndIf}
  WriteRegStr HKLM "${UNINST_KEY}" "KioskUser" "$KioskUser"
SectionEnd

LangString DESC_SecApp ${LANG_ENGLISH} "The Outpost app for technicians, with a Start-menu entry."
LangString DESC_SecKiosk ${LANG_ENGLISH} "Start Outpost full screen (--kiosk) at logon, for all users or one user."
LangString DESC_SecApp ${LANG_GERMAN} "Die Outpost-App für Techniker, mit Eintrag im Startmenü."
LangString DESC_SecKiosk ${LANG_GERMAN} "Outpost bei der Anmeldung im Vollbild (--kiosk) starten, für alle oder einen Benutzer."
LangString DESC_SecApp ${LANG_FRENCH} "L'application Outpost pour les techniciens, avec une entrée dans le menu Démarrer."
LangString DESC_SecKiosk ${LANG_FRENCH} "Lancer Outpost en plein écran (--kiosk) à l'ouverture de session, pour tous ou un utilisateur."
!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} $(DESC_SecApp)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecKiosk} $(DESC_SecKiosk)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; After the sections: .onInit refers to ${SecKiosk}.
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "${APP_NAME} needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  ; Command line: /KIOSK selects the kiosk component, /KIOSKUSER=NAME limits it to one user.
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/KIOSK" $1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecKiosk}
  ${EndIf}
  ClearErrors
  ${GetOptions} $0 "/KIOSKUSER=" $KioskUser
  ${If} ${Errors}
    StrCpy $KioskUser ""
  ${EndIf}
FunctionEnd

; The kiosk page: shown only when the kiosk component is selected.
Function KioskPageShow
  ${IfNot} ${SectionIsSelected} ${SecKiosk}
    Abort
  ${EndIf}
  !insertmacro MUI_HEADER_TEXT "Kiosk mode" "Who gets Outpost full screen at logon?"
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateRadioButton} 0 0 100% 12u "All users of this computer"
  Pop $KioskAllRadio
  ${NSD_CreateRadioButton} 0 18u 100% 12u "Only this user (e.g. kiosk or DOMAIN\kiosk):"
  Pop $KioskUserRadio
  ${NSD_CreateText} 12u 34u 60% 12u "$KioskUser"
  Pop $KioskUserField
  ${If} $KioskUser == ""
    ${NSD_Check} $KioskAllRadio
  ${Else}
    ${NSD_Check} $KioskUserRadio
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function KioskPageLeave
  ${NSD_GetState} $KioskUserRadio $0
  ${If} $0 == ${BST_CHECKED}
    ${NSD_GetText} $KioskUserField $KioskUser
    ${If} $KioskUser == ""
      MessageBox MB_OK|MB_ICONEXCLAMATION "Enter the user name, or choose all users."
      Abort
    ${EndIf}
  ${Else}
    StrCpy $KioskUser ""
  ${EndIf}
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "Uninstall"
  DeleteRegValue HKLM "${RUN_KEY}" "${KIOSK_VALUE}"
  nsExec::ExecToLog 'schtasks.exe /Delete /F /TN "${KIOSK_TASK}"'
  Pop $0
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  DeleteRegKey HKLM "${UNINST_KEY}"
  ; Only the installation folder; user data lives in the users' profiles and stays.
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    RMDir /r "$INSTDIR"
  ${EndIf}
SectionEnd
