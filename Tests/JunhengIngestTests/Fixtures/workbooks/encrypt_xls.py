"""Saves a workbook as an .xls with an open password, through LibreOffice (UNO): the fixture
protected.xls. Needs Debian's python3-uno. Usage: /usr/bin/python3 encrypt_xls.py IN OUT PASSWORD
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
src, dst, pw = sys.argv[1:4]
profile = tempfile.mkdtemp()
office = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                           "--accept=socket,host=127.0.0.1,port=2099;urp;"])
ctx = None
resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
for _ in range(60):
    try:
        ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=2099;urp;StarOffice.ComponentContext"); break
    except Exception:
        time.sleep(0.5)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
def prop(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", "MS Excel 97"), prop("Password", pw)))
doc.close(True)
try: desktop.terminate()
except Exception: pass
office.wait(timeout=30)
