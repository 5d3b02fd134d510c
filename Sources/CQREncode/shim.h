// Debian's libqrencode-dev (apt-get install libqrencode-dev). Only Sources/JunhengLinks/QRCode.swift imports this.
#include <qrencode.h>
