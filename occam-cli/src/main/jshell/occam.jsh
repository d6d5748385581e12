// Preloaded by ./occam shell: the imports of the README's Java example and of everyday work.
import java.util.*;
import java.util.function.*;
import org.occam.tensor.*;
import org.occam.autodiff.*;
import org.occam.nn.*;
import org.occam.data.*;
import org.occam.optim.*;
import org.occam.train.*;
import org.occam.io.*;
import org.occam.measure.*;
import org.occam.regularize.*;
import org.occam.flow.*;
import org.occam.lr.*;
System.out.println("Occam: org.occam.{tensor,autodiff,nn,data,optim,train,io,measure,regularize,flow,lr} imported; /exit to leave");
