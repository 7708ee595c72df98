import { installCustomFunctionsStub } from './customFunctionsStub';

installCustomFunctionsStub();
