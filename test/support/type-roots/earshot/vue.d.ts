// `/// <reference types="earshot/vue" />` in the recipes, resolved to the sources for `npm run typecheck`
// (the package test checks the same recipes against the installed package).
import '../../../../src/frameworks/vue.js';
