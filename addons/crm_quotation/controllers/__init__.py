# -*- coding: utf-8 -*-
from . import quotation_link
