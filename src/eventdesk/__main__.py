import sys

from eventdesk.cli import main

sys.exit(main())
